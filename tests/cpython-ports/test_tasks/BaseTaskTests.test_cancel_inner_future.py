# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_inner_future
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    f = asyncio.get_running_loop().create_future()

    async def task():
        await f
        return 12

    t = asyncio.create_task(task())
    await asyncio.sleep(0)  # start task
    f.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("f.cancelled()", f.cancelled())
    print("t.cancelled()", t.cancelled())


asyncio.run(main())
