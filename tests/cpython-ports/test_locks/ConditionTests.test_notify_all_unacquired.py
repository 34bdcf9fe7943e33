# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_notify_all_unacquired
import asyncio


async def main():
    cond = asyncio.Condition()
    try:
        cond.notify_all()
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
