# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_timeout_in_block
import asyncio


async def main():
    condition = asyncio.Condition()
    async with condition:
        try:
            await asyncio.wait_for(condition.wait(), timeout=0.5)
        except asyncio.TimeoutError as e:
            print("raised", type(e).__name__)


asyncio.run(main())
