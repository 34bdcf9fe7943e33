# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_error_and_cancel
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio

event = None


async def raise_error():
    event.set()
    await asyncio.sleep(0)
    raise RuntimeError()


async def inner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_error())
            await asyncio.sleep(1)
            print("FAIL: sleep in group should have been cancelled")
    except* RuntimeError:
        print("except* cancelling()", asyncio.current_task().cancelling())
    print("after group cancelling()", asyncio.current_task().cancelling())
    await asyncio.sleep(1)
    print("FAIL: sleep after group should have been cancelled")


async def outer():
    t = asyncio.create_task(inner())
    await event.wait()
    print("t.cancelling()", t.cancelling())
    t.cancel()
    print("t.cancelling()", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("t.cancelled()", t.cancelled())


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    global event
    event = asyncio.Event()
    await outer()


asyncio.run(main())
