# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_cancelling_level_preserved
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def raise_after(t, e):
    await asyncio.sleep(t)
    raise e()


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_after(0.0, RuntimeError))
    except* RuntimeError:
        print("caught RuntimeError")
    print("cancelling()", asyncio.current_task().cancelling())


asyncio.run(main())
