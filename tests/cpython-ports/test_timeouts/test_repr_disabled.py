# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_repr_disabled
import asyncio


async def main():
    async with asyncio.timeout(None) as cm:
        print(repr(cm))


asyncio.run(main())
