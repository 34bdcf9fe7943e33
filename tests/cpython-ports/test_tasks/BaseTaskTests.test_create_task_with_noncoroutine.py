# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_create_task_with_noncoroutine
import asyncio


async def main():
    for _ in range(2):
        # the second time ensures that caching in asyncio.iscoroutine() does not break things
        try:
            asyncio.create_task(123)
        except TypeError as e:
            print("raised", type(e).__name__, e)


asyncio.run(main())
