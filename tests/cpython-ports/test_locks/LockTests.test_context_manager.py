# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_context_manager
import asyncio


async def main():
    lock = asyncio.Lock()
    print("lock.locked()", lock.locked())
    async with lock:
        print("lock.locked()", lock.locked())
    print("lock.locked()", lock.locked())


asyncio.run(main())
