# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_context_manager
import asyncio


async def main():
    cond = asyncio.Condition()
    print("cond.locked()", cond.locked())
    async with cond:
        print("cond.locked()", cond.locked())
    print("cond.locked()", cond.locked())


asyncio.run(main())
