# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_cancel
import asyncio


async def main():
    sem = asyncio.Semaphore()
    await sem.acquire()
    acquire = asyncio.create_task(sem.acquire())
    asyncio.get_running_loop().call_soon(acquire.cancel)
    try:
        await acquire
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    # (The test: no waiter left, or every one done.)
    print("waiters left", "waiters" in repr(sem))


asyncio.run(main())
