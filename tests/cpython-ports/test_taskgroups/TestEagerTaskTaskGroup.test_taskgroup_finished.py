# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_finished
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
# (The test also checks that the refused coroutine is closed, so that no "never awaited" warning is
# written: the harness does not compare warnings.)
import asyncio


async def create_task_after_tg_finish():
    tg = asyncio.TaskGroup()
    async with tg:
        pass
    coro = asyncio.sleep(0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await create_task_after_tg_finish()


asyncio.run(main())
