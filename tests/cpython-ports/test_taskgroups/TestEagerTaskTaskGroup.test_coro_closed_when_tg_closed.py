# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_coro_closed_when_tg_closed
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def run_coro_after_tg_closes():
    async with asyncio.TaskGroup() as tg:
        pass
    coro = asyncio.sleep(0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await run_coro_after_tg_closes()


asyncio.run(main())
