# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_19
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


class MyExc(Exception):
    pass


async def crash_soon():
    await asyncio.sleep(0.1)
    1 / 0


async def nested():
    try:
        await asyncio.sleep(10)
    finally:
        raise MyExc


async def runner():
    async with asyncio.TaskGroup() as g:
        g.create_task(crash_soon())
        await nested()


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    r = asyncio.create_task(runner())
    try:
        await r
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))
    else:
        print("ExceptionGroup was not raised")


asyncio.run(main())
