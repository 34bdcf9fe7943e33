# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_get_coro
import asyncio


async def coroutine_function():
    pass


async def main():
    coro = coroutine_function()
    task = asyncio.create_task(coro)
    await task
    print("task.get_coro() is coro", task.get_coro() is coro)


asyncio.run(main())
