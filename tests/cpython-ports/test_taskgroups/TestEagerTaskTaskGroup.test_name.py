# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_name
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio

name = None


async def asyncfn():
    global name
    name = asyncio.current_task().get_name()


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncfn(), name="example name")
    print("name", name)


asyncio.run(main())
