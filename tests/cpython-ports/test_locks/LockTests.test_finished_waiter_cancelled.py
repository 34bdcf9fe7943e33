# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_finished_waiter_cancelled
# repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import asyncio
import re


def extras(x):
    return re.search(r"\[(.*)\]>$", repr(x)).group(1)


async def main():
    # The test reads len(lock._waiters): repr shows it.
    lock = asyncio.Lock()
    await lock.acquire()
    print("lock.locked()", lock.locked())
    tb = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(extras(lock))
    # Create a second waiter, wake up the first, and cancel it.
    # Without the fix, the second was not woken up.
    tc = asyncio.create_task(lock.acquire())
    tb.cancel()
    lock.release()
    await asyncio.sleep(0)
    print("lock.locked()", lock.locked())
    print("tb.cancelled()", tb.cancelled())
    # Cleanup
    await tc


asyncio.run(main())
