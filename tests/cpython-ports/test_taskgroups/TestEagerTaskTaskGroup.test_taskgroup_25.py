# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_25
# TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
# asyncio.eager_task_factory; here the program sets it first thing in the coroutine asyncio.run runs.
import asyncio

nhydras = 0


async def hydra(g):
    global nhydras
    nhydras += 1
    await asyncio.sleep(0.01)
    g.create_task(hydra(g))
    g.create_task(hydra(g))


async def hercules():
    while nhydras < 10:
        await asyncio.sleep(0.015)
    1 / 0


async def runner():
    async with asyncio.TaskGroup() as g:
        g.create_task(hydra(g))
        g.create_task(hercules())


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        await runner()
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))
    print("nhydras >= 10", nhydras >= 10)
    print("nhydras", nhydras)


asyncio.run(main())
