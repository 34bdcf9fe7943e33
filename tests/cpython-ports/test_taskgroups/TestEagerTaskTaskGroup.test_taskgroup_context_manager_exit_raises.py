# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_context_manager_exit_raises
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio
import contextlib


class CustomException(Exception):
    pass


async def raise_exc():
    raise CustomException


@contextlib.asynccontextmanager
async def database():
    try:
        yield
    finally:
        raise CustomException


async def main():
    task = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            async with database():
                tg.create_task(raise_exc())
                await asyncio.sleep(1)
    except* CustomException as err:
        print("task.cancelling()", task.cancelling())
        print("len(err.exceptions)", len(err.exceptions))
    else:
        print("FAIL: CustomException not raised")


async def test():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    await asyncio.create_task(main())


asyncio.run(test())
