# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_no_create_task_after_failure
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def coro1():
    await asyncio.sleep(0.001)
    1 / 0


async def coro2(g):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        try:
            g.create_task(coro1())
        except RuntimeError as e:
            print("create_task raised", type(e).__name__, e)


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(coro1())
            g.create_task(coro2(g))
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))


asyncio.run(main())
