# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_exception_cause
import asyncio


async def main():
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(1)
    except asyncio.TimeoutError as e:
        print("raised", type(e).__name__)
        print("cause", type(e.__cause__).__name__)


asyncio.run(main())
