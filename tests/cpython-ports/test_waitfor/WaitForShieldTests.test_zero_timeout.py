# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, WaitForShieldTests.test_zero_timeout
import asyncio


async def main():
    # `asyncio.shield` creates a new task which wraps the passed in awaitable and shields it from
    # cancellation so with timeout=0 the task returned by `asyncio.shield` aka shielded_task gets
    # cancelled immediately and the task wrapped by it is scheduled to run.
    async def coro():
        await asyncio.sleep(0.01)
        return "done"

    task = asyncio.create_task(coro())
    try:
        shielded_task = asyncio.shield(task)
        await asyncio.wait_for(shielded_task, timeout=0)
    except asyncio.TimeoutError as e:
        print("raised", type(e).__name__)
    # Task is running in background
    print("task.done()", task.done())
    print("task.cancelled()", task.cancelled())
    print("shielded_task.cancelled()", shielded_task.cancelled())
    # Wait for the task to complete
    await asyncio.sleep(0.1)
    print("task.done()", task.done())


asyncio.run(main())
