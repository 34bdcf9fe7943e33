# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_11
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def foo():
    try:
        await asyncio.sleep(10)
    finally:
        1 / 0


async def runner():
    async with asyncio.TaskGroup():
        async with asyncio.TaskGroup() as g2:
            for _ in range(5):
                g2.create_task(foo())
            await asyncio.sleep(10)


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print("r.done()", r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))
        print("inner", sorted(type(x).__name__ for x in e.exceptions[0].exceptions))


asyncio.run(main())
