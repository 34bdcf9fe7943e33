# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_uncancel_basic
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    async def task():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            asyncio.current_task().uncancel()
            await asyncio.sleep(10)

    t = asyncio.create_task(task())
    await asyncio.sleep(0.01)

    # Cancel first sleep
    print("t.cancel()", t.cancel())
    print("cancelling in repr", " cancelling " in repr(t))
    print("t.cancelling()", t.cancelling())
    print("t.cancelled()", t.cancelled())  # Task is still not complete
    await asyncio.sleep(0.01)

    # after .uncancel()
    print("cancelling in repr", " cancelling " in repr(t))
    print("t.cancelling()", t.cancelling())
    print("t.cancelled()", t.cancelled())  # Task is still not complete

    # Cancel second sleep
    print("t.cancel()", t.cancel())
    print("t.cancelling()", t.cancelling())
    print("t.cancelled()", t.cancelled())  # Task is still not complete
    try:
        await t
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("t.cancelled()", t.cancelled())  # Finally, task complete
    print("t.done()", t.done())

    # uncancel is no longer effective after the task is complete
    t.uncancel()
    print("t.cancelled()", t.cancelled())
    print("t.done()", t.done())


asyncio.run(main())
