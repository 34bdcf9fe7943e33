# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeouts_loop_busy
import asyncio
import time


async def main():
    # After the inner timeout is an expensive operation which should be stopped by the outer timeout.
    loop = asyncio.get_running_loop()
    # Disable a message about long running task
    loop.slow_callback_duration = 10
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.1):  # (1)
            try:
                async with asyncio.timeout(0.01):  # (2)
                    # Pretend the loop is busy for a while.
                    time.sleep(0.1)
                    await asyncio.sleep(1)
            except TimeoutError as e:
                print("(2) raised", type(e).__name__)
            # TimeoutError was caught by (2)
            await asyncio.sleep(10)  # This sleep should be interrupted by (1)
    except TimeoutError as e:
        print("(1) raised", type(e).__name__)
    t1 = loop.time()
    print("t0 <= t1 <= t0 + 1", t0 <= t1 <= t0 + 1)


asyncio.run(main())
