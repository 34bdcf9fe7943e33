# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_create_task_with_async_function
import asyncio


async def main():
    async def coro():
        pass

    for _ in range(2):
        # the second time ensures that caching in asyncio.iscoroutine() does not break things
        task = asyncio.create_task(coro())
        print("isinstance Task", isinstance(task, asyncio.Task))
        await task
        print("task.done()", task.done())


asyncio.run(main())
