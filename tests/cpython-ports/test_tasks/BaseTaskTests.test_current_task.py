# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_current_task
import asyncio


async def main():
    # (current_task(loop=...) outside the loop is not ported: the runtime has no loop argument.)
    async def coro():
        print("current_task() is task", asyncio.current_task() is task)
        print("current_task(None) is task", asyncio.current_task(None) is task)
        print("current_task() is task", asyncio.current_task() is task)

    task = asyncio.create_task(coro())
    await task


asyncio.run(main())
