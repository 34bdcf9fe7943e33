# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_cancel_waiter_future
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    # (The white-box asserts on task._fut_waiter are not ported.)
    fut = asyncio.get_running_loop().create_future()

    async def coro():
        await fut

    task = asyncio.create_task(coro())
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.sleep(0)
    try:
        await task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("fut.cancelled()", fut.cancelled())


asyncio.run(main())
