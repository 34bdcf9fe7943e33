# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_cancel_race
# repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import asyncio
import re


def extras(x):
    return re.search(r"\[(.*)\]>$", repr(x)).group(1)


async def main():
    # The test reads len(lock._waiters) (shown by repr) and lock._waiters[0].cancelled() (not ported).
    # Several tasks:
    # - A acquires the lock
    # - B is blocked in acquire()
    # - C is blocked in acquire()
    #
    # Now, concurrently:
    # - B is cancelled
    # - A releases the lock
    #
    # If B's waiter is marked cancelled but not yet removed from
    # _waiters, A's release() call will crash when trying to set
    # B's waiter; instead, it should move on to C's waiter.

    # Setup: A has the lock, b and c are waiting.
    lock = asyncio.Lock()

    async def lockit(name, blocker):
        await lock.acquire()
        try:
            if blocker is not None:
                await blocker
        finally:
            lock.release()

    fa = asyncio.get_running_loop().create_future()
    ta = asyncio.create_task(lockit("A", fa))
    await asyncio.sleep(0)
    print("lock.locked()", lock.locked())
    tb = asyncio.create_task(lockit("B", None))
    await asyncio.sleep(0)
    print(extras(lock))
    tc = asyncio.create_task(lockit("C", None))
    await asyncio.sleep(0)
    print(extras(lock))

    # Create the race and check.
    # Without the fix this failed at the last assert.
    fa.set_result(None)
    tb.cancel()
    await asyncio.sleep(0)
    print("lock.locked()", lock.locked())
    print("ta.done()", ta.done())
    print("tb.cancelled()", tb.cancelled())
    await tc
    print("tc done")


asyncio.run(main())
