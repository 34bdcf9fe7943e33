# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_already_entered
import asyncio


async def main():
    tg = asyncio.TaskGroup()
    async with tg:
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print("raised", type(e).__name__, e)


asyncio.run(main())
