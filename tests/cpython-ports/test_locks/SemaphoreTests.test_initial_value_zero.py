# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_initial_value_zero
import asyncio


async def main():
    sem = asyncio.Semaphore(0)
    print("sem.locked()", sem.locked())


asyncio.run(main())
