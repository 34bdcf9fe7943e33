# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_01
import asyncio


async def foo1():
    await asyncio.sleep(0.1)
    return 42


async def foo2():
    await asyncio.sleep(0.2)
    return 11


async def main():
    async with asyncio.TaskGroup() as g:
        t1 = g.create_task(foo1())
        t2 = g.create_task(foo2())
    print("t1.result()", t1.result())
    print("t2.result()", t2.result())


asyncio.run(main())
