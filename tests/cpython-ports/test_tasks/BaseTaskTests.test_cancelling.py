# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancelling
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    async def task():
        await asyncio.sleep(10)

    t = asyncio.create_task(task())
    print("t.cancelling()", t.cancelling())
    print("cancelling in repr", " cancelling " in repr(t))
    print("t.cancel()", t.cancel())
    print("t.cancelling()", t.cancelling())
    print("cancelling in repr", " cancelling " in repr(t))
    print("t.cancel()", t.cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)


asyncio.run(main())
