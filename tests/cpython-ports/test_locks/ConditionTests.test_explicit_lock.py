# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_explicit_lock
import asyncio


async def main():
    async def f(lock=None, cond=None):
        if lock is None:
            lock = asyncio.Lock()
        if cond is None:
            cond = asyncio.Condition(lock)
        # (The test also checks cond._lock is lock.)
        print("locked", lock.locked(), cond.locked())
        async with cond:
            print("locked", lock.locked(), cond.locked())
        print("locked", lock.locked(), cond.locked())
        async with lock:
            print("locked", lock.locked(), cond.locked())
        print("locked", lock.locked(), cond.locked())

    # All should work in the same way.
    await f()
    await f(asyncio.Lock())
    lock = asyncio.Lock()
    await f(lock, asyncio.Condition(lock))


asyncio.run(main())
