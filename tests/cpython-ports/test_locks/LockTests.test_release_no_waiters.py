# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_release_no_waiters
import asyncio


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    print("lock.locked()", lock.locked())
    lock.release()
    print("lock.locked()", lock.locked())


asyncio.run(main())
