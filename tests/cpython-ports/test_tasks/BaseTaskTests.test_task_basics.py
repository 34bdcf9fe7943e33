# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_basics
import asyncio


async def main():
    async def outer():
        a = await inner1()
        b = await inner2()
        return a+b

    async def inner1():
        return 42

    async def inner2():
        return 1000

    t = outer()
    print("result", await t)


asyncio.run(main())
