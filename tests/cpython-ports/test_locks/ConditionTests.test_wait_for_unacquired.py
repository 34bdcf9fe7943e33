# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_for_unacquired
import asyncio


async def main():
    cond = asyncio.Condition()
    # predicate can return true immediately
    res = await cond.wait_for(lambda: [1, 2, 3])
    print("res", res)
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
