# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_14
import asyncio


async def crash_after(t):
    await asyncio.sleep(t)
    raise ValueError(t)


async def runner():
    async with asyncio.TaskGroup() as g1:
        g1.create_task(crash_after(10))
        async with asyncio.TaskGroup() as g2:
            g2.create_task(crash_after(0.1))


async def main():
    r = asyncio.create_task(runner())
    try:
        await r
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))
        print("first", repr(e.exceptions[0]))


asyncio.run(main())
