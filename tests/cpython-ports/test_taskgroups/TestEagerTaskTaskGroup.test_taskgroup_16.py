# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_16
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio


async def crash_soon():
    await asyncio.sleep(0.3)
    1 / 0


async def nested_runner():
    async with asyncio.TaskGroup() as g1:
        g1.create_task(crash_soon())
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            await asyncio.sleep(0.5)
            raise


async def runner():
    t = asyncio.create_task(nested_runner())
    await t


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


asyncio.run(main())
