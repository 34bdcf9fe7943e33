# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, WaitForShieldTests.test_shielded_timeout
import asyncio


async def main():
    # shield prevents the task from being cancelled.
    async def coro():
        await asyncio.sleep(0.1)
        return "done"

    task = asyncio.create_task(coro())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("raised", type(e).__name__)
    print("task.done()", task.done())
    print("task.cancelled()", task.cancelled())
    print("await task", await task)


asyncio.run(main())
