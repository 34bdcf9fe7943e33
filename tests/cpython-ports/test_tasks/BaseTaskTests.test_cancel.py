# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel
# The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
# one pass of the loop is await asyncio.sleep(0).
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    async def task():
        await asyncio.sleep(10.0)
        return 12

    t = asyncio.create_task(task())
    loop.call_soon(t.cancel)
    try:
        await t
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("t.done()", t.done(), "t.cancelled()", t.cancelled(), "t.cancel()", t.cancel())


asyncio.run(main())
