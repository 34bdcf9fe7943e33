# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_context_manager_exit_raises
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
    await asyncio.create_task(main())


asyncio.run(test())
