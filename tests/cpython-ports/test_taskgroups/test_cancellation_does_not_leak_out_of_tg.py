# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_cancellation_does_not_leak_out_of_tg
import asyncio


class MyError(Exception):
    pass


async def throw_error():
    raise MyError


async def main():
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
