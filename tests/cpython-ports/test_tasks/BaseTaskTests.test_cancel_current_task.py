# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_current_task
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    # (The white-box asserts on t._must_cancel are not ported.)
    async def task():
        t.cancel()
        # The sleep should be cancelled immediately.
        await asyncio.sleep(100)
        return 12

    t = asyncio.create_task(task())
    print("t.cancelled()", t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("t.done()", t.done())
    print("t.cancelled()", t.cancelled())
    print("t.cancel()", t.cancel())


asyncio.run(main())
