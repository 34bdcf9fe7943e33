# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_24
import asyncio


async def root(g):
    await asyncio.sleep(0.1)
    g.create_task(coro1(0.1))
    g.create_task(coro1(0.2))


async def coro1(delay):
    await asyncio.sleep(delay)


async def runner():
    async with asyncio.TaskGroup() as g:
        g.create_task(root(g))


async def main():
    await runner()
    # The test asserts nothing more than that the group ends.
    print("runner() returned")


asyncio.run(main())
