# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_issue86296
import asyncio


async def main():
    # GH-86296: The task should get cancelled and not run to completion.
    # inner completes in one cycle of the event loop so it
    # completes before the task is cancelled.
    async def inner():
        return "done"

    inner_task = asyncio.create_task(inner())
    reached_end = False

    async def wait_for_coro():
        await asyncio.wait_for(inner_task, timeout=100)
        await asyncio.sleep(1)
        nonlocal reached_end
        reached_end = True

    task = asyncio.create_task(wait_for_coro())
    print("task.done()", task.done())
    # Run the task
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("inner_task.done()", inner_task.done())
    print("await inner_task", await inner_task)
    print("reached_end", reached_end)


asyncio.run(main())
