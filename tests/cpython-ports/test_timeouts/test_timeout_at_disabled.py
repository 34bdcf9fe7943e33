# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_at_disabled
import asyncio


async def main():
    async with asyncio.timeout_at(None) as cm:
        await asyncio.sleep(0.01)
    print("cm.expired()", cm.expired())
    print("cm.when()", cm.when())


asyncio.run(main())
