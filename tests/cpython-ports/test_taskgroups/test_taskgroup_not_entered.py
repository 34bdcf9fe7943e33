# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_not_entered
import asyncio


async def main():
    tg = asyncio.TaskGroup()
    coro = asyncio.sleep(0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
