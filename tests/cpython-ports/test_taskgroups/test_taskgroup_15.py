# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_15
import asyncio


async def crash_soon():
    await asyncio.sleep(0.3)
    1 / 0


async def runner():
    async with asyncio.TaskGroup() as g1:
        g1.create_task(crash_soon())
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            await asyncio.sleep(0.5)
            raise


async def main():
    r = asyncio.create_task(runner())
    await asyncio.sleep(0.1)
    print("r.done()", r.done())
    r.cancel()
    try:
        await r
    except ExceptionGroup as e:
        print("raised", type(e).__name__, sorted(type(x).__name__ for x in e.exceptions))


asyncio.run(main())
