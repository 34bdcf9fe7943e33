# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_17
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio

NUM = 0


async def runner():
    global NUM
    async with asyncio.TaskGroup():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            NUM += 10
            raise


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print("r.done()", r.done())
    r.cancel()
    try:
        await r
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("NUM", NUM)


asyncio.run(main())
