# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_task_name
import asyncio


async def coro():
    await asyncio.sleep(0)


async def main():
    async with asyncio.TaskGroup() as g:
        t = g.create_task(coro(), name="yolo")
        print("t.get_name()", t.get_name())


asyncio.run(main())
