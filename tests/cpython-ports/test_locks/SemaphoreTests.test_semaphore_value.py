# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_semaphore_value
import asyncio


async def main():
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
