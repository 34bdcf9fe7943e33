# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeouts_concurrent
import asyncio
import time


async def main():
    try:
        async with asyncio.timeout(0.002):
            try:
                async with asyncio.timeout(0.1):
                    # Pretend we crunch some numbers.
                    time.sleep(0.01)
                    await asyncio.sleep(1)
            except TimeoutError as e:
                print("inner raised", type(e).__name__)
    except TimeoutError as e:
        print("outer raised", type(e).__name__)


asyncio.run(main())
