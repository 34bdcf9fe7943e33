# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_13
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def crash_after(t):
    await asyncio.sleep(t)
    raise ValueError(t)


async def runner():
    async with asyncio.TaskGroup() as g1:
        g1.create_task(crash_after(0.1))
        async with asyncio.TaskGroup() as g2:
            g2.create_task(crash_after(10))


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    r = asyncio.create_task(runner())
    try:
        await r
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))
        print("first", repr(e.exceptions[0]))


asyncio.run(main())
