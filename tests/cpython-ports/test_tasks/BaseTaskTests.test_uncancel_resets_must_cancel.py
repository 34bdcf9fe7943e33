# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_uncancel_resets_must_cancel
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    # The test reads task._must_cancel; what it means shows in the end: the task returns 42.
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def coro():
        await fut
        return 42

    task = asyncio.create_task(coro())
    await asyncio.sleep(0)  # Get task waiting for fut
    fut.set_result(None)  # Make task runnable
    task.cancel()  # Enter cancelled state
    print("task.cancelling()", task.cancelling())
    task.uncancel()  # Undo cancellation
    print("task.cancelling()", task.cancelling())
    res = await task
    print("res", res)


asyncio.run(main())
