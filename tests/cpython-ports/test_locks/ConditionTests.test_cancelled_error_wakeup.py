# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_cancelled_error_wakeup
import asyncio


async def main():
    # Test that a cancelled error, received when awaiting wakeup,
    # will be re-raised un-modified.
    wake = False
    raised = None
    cond = asyncio.Condition()

    async def func():
        nonlocal raised
        async with cond:
            try:
                await cond.wait_for(lambda: wake)
            except asyncio.CancelledError as e:
                print("func: raised", type(e).__name__)
                raised = e
            else:
                print("FAIL: CancelledError not raised")
            raise raised

    task = asyncio.create_task(func())
    await asyncio.sleep(0)
    # Task is waiting on the condition, cancel it there.
    task.cancel(msg="foo")
    try:
        await task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__, "args", list(e.args))
        # We should have got the _same_ exception instance as the one
        # originally raised.
        print("e is raised", e is raised)


asyncio.run(main())
