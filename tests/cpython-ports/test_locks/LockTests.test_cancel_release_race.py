# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_cancel_release_race
import asyncio


async def main():
    # Issue 32734
    # Acquire 4 locks, cancel second, release first
    # and 2 locks are taken at once.
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    lock_count = 0
    call_count = 0

    async def lockit():
        nonlocal lock_count
        nonlocal call_count
        call_count += 1
        await lock.acquire()
        lock_count += 1

    def trigger():
        t1.cancel()
        lock.release()

    await lock.acquire()
    t1 = asyncio.create_task(lockit())
    t2 = asyncio.create_task(lockit())
    t3 = asyncio.create_task(lockit())
    # Start scheduled tasks
    await asyncio.sleep(0)
    loop.call_soon(trigger)
    try:
        # Wait for cancellation
        await t1
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    # Make sure only one lock was taken
    print("lock_count", lock_count)
    # While 3 calls were made to lockit()
    print("call_count", call_count)
    print("t1.cancelled() and t2.done()", t1.cancelled() and t2.done())
    # Cleanup the task that is stuck on acquire.
    t3.cancel()
    await asyncio.sleep(0)
    print("t3.cancelled()", t3.cancelled())


asyncio.run(main())
