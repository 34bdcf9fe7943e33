# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_release_not_acquired
import asyncio


async def main():
    sem = asyncio.BoundedSemaphore()
    try:
        sem.release()
    except ValueError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
