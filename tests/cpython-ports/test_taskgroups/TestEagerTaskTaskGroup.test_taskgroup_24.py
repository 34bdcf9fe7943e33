# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_24
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def root(g):
    await asyncio.sleep(0.1)
    g.create_task(coro1(0.1))
    g.create_task(coro1(0.2))


async def coro1(delay):
    await asyncio.sleep(delay)


async def runner():
    async with asyncio.TaskGroup() as g:
        g.create_task(root(g))


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await runner()
    # The test asserts nothing more than that the group ends.
    print("runner() returned")


asyncio.run(main())
