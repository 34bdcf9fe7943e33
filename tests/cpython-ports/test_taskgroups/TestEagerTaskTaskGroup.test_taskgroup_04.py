# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_04
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio

NUM = 0
t2_cancel = False
t2 = None


async def foo1():
    await asyncio.sleep(0.1)
    1 / 0


async def foo2():
    global NUM, t2_cancel
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        t2_cancel = True
        raise
    NUM += 1


async def runner():
    global NUM, t2
    async with asyncio.TaskGroup() as g:
        g.create_task(foo1())
        t2 = g.create_task(foo2())
    NUM += 10


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        await asyncio.create_task(runner())
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))
    print("NUM", NUM)
    print("t2_cancel", t2_cancel)
    print("t2.cancelled()", t2.cancelled())


asyncio.run(main())
