# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_nested_groups_both_cancelled
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def raise_after(t, e):
    await asyncio.sleep(t)
    raise e()


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        async with asyncio.TaskGroup() as outer_tg:
            try:
                async with asyncio.TaskGroup() as inner_tg:
                    inner_tg.create_task(raise_after(0, RuntimeError))
                    outer_tg.create_task(raise_after(0, ValueError))
            except* RuntimeError:
                print("caught RuntimeError")
            else:
                print("FAIL: RuntimeError not raised")
            print("cancelling() inside", asyncio.current_task().cancelling())
    except* ValueError:
        print("caught ValueError")
    else:
        print("FAIL: ValueError not raised")
    print("cancelling() after", asyncio.current_task().cancelling())


asyncio.run(main())
