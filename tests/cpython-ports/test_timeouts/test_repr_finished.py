# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_repr_finished
import asyncio


async def main():
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0)
    print(repr(cm))


asyncio.run(main())
