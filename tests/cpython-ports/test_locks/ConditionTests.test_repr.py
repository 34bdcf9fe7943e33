# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_repr
import asyncio


async def main():
    # (The test then appends mocks to cond._waiters: not ported. The address in the repr is not compared.)
    cond = asyncio.Condition()
    print("unlocked in repr", "unlocked" in repr(cond))
    await cond.acquire()
    print("locked in repr", "locked" in repr(cond))


asyncio.run(main())
