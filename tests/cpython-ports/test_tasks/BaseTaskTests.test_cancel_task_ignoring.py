# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_task_ignoring
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    # (The white-box asserts on t._fut_waiter are not ported.)
    loop = asyncio.get_running_loop()
    fut1 = loop.create_future()
    fut2 = loop.create_future()
    fut3 = loop.create_future()

    async def task():
        await fut1
        try:
            await fut2
        except asyncio.CancelledError:
            pass
        res = await fut3
        return res

    t = asyncio.create_task(task())
    await asyncio.sleep(0)
    fut1.set_result(None)
    await asyncio.sleep(0)
    t.cancel()
    print("fut2.cancelled()", fut2.cancelled())
    await asyncio.sleep(0)
    fut3.set_result(42)
    res = await t
    print("res", res)
    print("fut3.cancelled()", fut3.cancelled())
    print("t.cancelled()", t.cancelled())


asyncio.run(main())
