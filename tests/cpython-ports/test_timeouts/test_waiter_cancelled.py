# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_waiter_cancelled
import asyncio


async def main():
    cancelled = False
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                cancelled = True
                raise
    except TimeoutError as e:
        print("raised", type(e).__name__)
    print("cancelled", cancelled)


asyncio.run(main())
