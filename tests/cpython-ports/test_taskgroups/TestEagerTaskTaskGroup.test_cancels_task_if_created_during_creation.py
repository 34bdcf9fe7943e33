# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_cancels_task_if_created_during_creation
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio

ran = False


class MyError(Exception):
    pass


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    global ran
    exc = None
    try:
        async with asyncio.TaskGroup() as tg:
            async def third_task():
                raise MyError("third task failed")

            async def second_task():
                global ran
                tg.create_task(third_task())
                try:
                    await asyncio.sleep(0)  # eager tasks cancel here
                    await asyncio.sleep(0)  # lazy tasks cancel here
                except asyncio.CancelledError:
                    print("second_task cancelled")
                else:
                    print("FAIL: second_task was not cancelled")
                ran = True

            tg.create_task(second_task())
    except* MyError as excs:
        exc = excs.exceptions[0]
    print("ran", ran)
    print("exc", repr(exc))


asyncio.run(main())
