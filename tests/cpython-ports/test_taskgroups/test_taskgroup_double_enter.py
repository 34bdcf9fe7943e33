# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_double_enter
import asyncio


async def main():
    tg = asyncio.TaskGroup()
    async with tg:
        pass
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
