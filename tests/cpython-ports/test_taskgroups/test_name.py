# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_name
import asyncio

name = None


async def asyncfn():
    global name
    name = asyncio.current_task().get_name()


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncfn(), name="example name")
    print("name", name)


asyncio.run(main())
