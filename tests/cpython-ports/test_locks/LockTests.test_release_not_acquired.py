# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_release_not_acquired
import asyncio


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
