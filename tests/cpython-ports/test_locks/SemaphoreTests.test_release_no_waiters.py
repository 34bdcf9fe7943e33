# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_release_no_waiters
import asyncio


async def main():
    sem = asyncio.Semaphore()
    await sem.acquire()
    print("sem.locked()", sem.locked())
    sem.release()
    print("sem.locked()", sem.locked())


asyncio.run(main())
