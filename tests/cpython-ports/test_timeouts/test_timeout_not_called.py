# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_not_called
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0.01)
    t1 = loop.time()
    print("cm.expired()", cm.expired())
    print("t1 - t0 < 2", t1 - t0 < 2)
    print("cm.when() > t1", cm.when() > t1)
    print("cm.when()", f"{cm.when():.3f}")


asyncio.run(main())
