# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_awaited_task
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    # This tests for a relatively rare condition when a task cancellation is requested for a task
    # which is not currently blocked, such as a task cancelling itself. In this situation we must
    # ensure that whatever next future or task the cancelled task blocks on is cancelled correctly
    # as well.  See also bpo-34872.
    task = nested_task = None
    fut = asyncio.get_running_loop().create_future()

    async def nested():
        await fut

    async def coro():
        nonlocal nested_task
        # Create a sub-task and wait for it to run.
        nested_task = asyncio.create_task(nested())
        await asyncio.sleep(0)
        # Request the current task to be cancelled.
        task.cancel()
        # Block on the nested task, which should be immediately cancelled.
        await nested_task

    task = asyncio.create_task(coro())
    try:
        await task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("task.cancelled()", task.cancelled())
    print("nested_task.cancelled()", nested_task.cancelled())
    print("fut.cancelled()", fut.cancelled())


asyncio.run(main())
