# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_22
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def foo1():
    await asyncio.sleep(1)
    return 42


async def foo2():
    await asyncio.sleep(2)
    return 11


async def runner():
    async with asyncio.TaskGroup() as g:
        g.create_task(foo1())
        g.create_task(foo2())


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.05)
    r.cancel()
    try:
        await r
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)


asyncio.run(main())
