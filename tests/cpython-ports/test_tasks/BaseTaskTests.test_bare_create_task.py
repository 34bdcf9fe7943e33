# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_bare_create_task
import asyncio


async def main():
    async def inner():
        return 1

    async def coro():
        task = asyncio.create_task(inner())
        print("isinstance Task", isinstance(task, asyncio.Task))
        ret = await task
        print("ret", ret)

    await coro()


asyncio.run(main())
