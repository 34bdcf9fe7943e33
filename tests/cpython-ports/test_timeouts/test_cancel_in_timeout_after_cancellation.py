# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_cancel_in_timeout_after_cancellation
import asyncio


async def main():
    try:
        asyncio.current_task().cancel()
        await asyncio.sleep(1)  # work which will be cancelled
    except asyncio.CancelledError:
        print("work cancelled")
    finally:
        try:
            async with asyncio.timeout(1.0):
                asyncio.current_task().cancel()
                await asyncio.sleep(2)  # some cleanup
        except asyncio.CancelledError as e:
            print("cleanup raised", type(e).__name__)


asyncio.run(main())
