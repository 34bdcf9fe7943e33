# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_cancel_contested
import asyncio


async def main():
    cond = asyncio.Condition()
    await cond.acquire()
    print("cond.locked()", cond.locked())
    wait_task = asyncio.create_task(cond.wait())
    await asyncio.sleep(0)
    print("cond.locked()", cond.locked())
    # Notify, but contest the lock before cancelling
    await cond.acquire()
    print("cond.locked()", cond.locked())
    cond.notify()
    asyncio.get_running_loop().call_soon(wait_task.cancel)
    asyncio.get_running_loop().call_soon(cond.release)
    try:
        await wait_task
    except asyncio.CancelledError:
        # Should not happen, since no cancellation points
        print("wait_task cancelled")
    print("cond.locked()", cond.locked())


asyncio.run(main())
