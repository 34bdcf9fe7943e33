# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_cancellation_does_not_leak_out_of_tg
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


class MyError(Exception):
    pass


async def throw_error():
    raise MyError


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(throw_error())
    except* MyError:
        print("caught MyError")
    else:
        print("FAIL: should have raised one MyError in group")
    # if the cancellation leaked, this task would be cancelled here
    await asyncio.sleep(0)
    print("not cancelled, cancelling()", asyncio.current_task().cancelling())


asyncio.run(main())
