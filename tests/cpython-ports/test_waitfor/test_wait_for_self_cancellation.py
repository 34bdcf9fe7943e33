# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_self_cancellation
import asyncio


async def inner():
    try:
        await asyncio.sleep(0.3)
    except asyncio.CancelledError:
        try:
            await asyncio.sleep(0.3)
        except asyncio.CancelledError:
            await asyncio.sleep(0.3)
    return 42


async def main():
    inner_task = asyncio.create_task(inner())
    wait = asyncio.wait_for(inner_task, timeout=0.1)
    # Test that wait_for itself is properly cancellable
    # even when the initial task holds up the initial cancellation.
    task = asyncio.create_task(wait)
    await asyncio.sleep(0.2)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("await inner_task", await inner_task)


asyncio.run(main())
