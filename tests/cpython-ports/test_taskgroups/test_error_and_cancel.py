# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_error_and_cancel
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
    global event
    event = asyncio.Event()
    await outer()


asyncio.run(main())
