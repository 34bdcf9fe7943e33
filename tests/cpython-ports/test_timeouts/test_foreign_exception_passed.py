# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_foreign_exception_passed
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            raise KeyError
    except KeyError as e:
        print("raised", type(e).__name__)
    print("cm.expired()", cm.expired())


asyncio.run(main())
