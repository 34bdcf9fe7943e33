# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_disabled
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    t1 = loop.time()
    print("cm.expired()", cm.expired())
    print("cm.when()", cm.when())
    print("t1 - t0 < 2", t1 - t0 < 2)


asyncio.run(main())
