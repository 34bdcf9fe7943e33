# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_acquire_cancel
import asyncio


async def main():
    lock = asyncio.Lock()
    print("await lock.acquire()", await lock.acquire())
    task = asyncio.create_task(lock.acquire())
    asyncio.get_running_loop().call_soon(task.cancel)
    try:
        await task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("waiters left", "waiters" in repr(lock))


asyncio.run(main())
