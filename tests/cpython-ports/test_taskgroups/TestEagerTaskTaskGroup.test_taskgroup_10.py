# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_10
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio

t1 = t2 = None


async def foo1():
    await asyncio.sleep(1)
    return 42


async def foo2():
    await asyncio.sleep(2)
    return 11


async def runner():
    global t1, t2
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo1())
        t2 = g.create_task(foo2())
        1 / 0


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        await runner()
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))
    else:
        print("ExceptionGroup was not raised")
    print("t1.cancelled()", t1.cancelled())
    print("t2.cancelled()", t2.cancelled())


asyncio.run(main())
