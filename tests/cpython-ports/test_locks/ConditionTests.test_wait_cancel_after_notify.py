# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_cancel_after_notify
import asyncio


async def main():
    # See bpo-32841
    waited = False
    cond = asyncio.Condition()

    async def wait_on_cond():
        nonlocal waited
        async with cond:
            waited = True  # Make sure this area was reached
            await cond.wait()

    waiter = asyncio.create_task(wait_on_cond())
    await asyncio.sleep(0)  # Start waiting
    await cond.acquire()
    cond.notify()
    await asyncio.sleep(0)  # Get to acquire()
    waiter.cancel()
    await asyncio.sleep(0)  # Activate cancellation
    cond.release()
    await asyncio.sleep(0)  # Cancellation should occur
    print("waiter.cancelled()", waiter.cancelled())
    print("waited", waited)


asyncio.run(main())
