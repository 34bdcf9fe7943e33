# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_03
import asyncio


async def foo1():
    await asyncio.sleep(1)
    return 42


async def foo2():
    await asyncio.sleep(0.2)
    return 11


async def main():
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo1())
        await asyncio.sleep(0.15)
        # cancel t1 explicitly: everything else goes on as expected
        t1.cancel()
        t2 = g.create_task(foo2())
    print("t1.cancelled()", t1.cancelled())
    print("t2.result()", t2.result())


asyncio.run(main())
