# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_bare_create_named_task
import asyncio


async def main():
    async def coro_noop():
        pass

    async def coro():
        task = asyncio.create_task(coro_noop(), name="No-op")
        print("task.get_name()", task.get_name())
        await task

    await coro()


asyncio.run(main())
