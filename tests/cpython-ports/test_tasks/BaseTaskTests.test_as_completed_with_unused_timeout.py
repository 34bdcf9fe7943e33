# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_with_unused_timeout
# The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator. Each
# run gives a's result, the timeout unused.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    async def try_iterator():
        for f in asyncio.as_completed([a], timeout=1):
            v = await f
            print("v", v)

    async def try_async_iterator():
        async for f in asyncio.as_completed([a], timeout=1):
            v = await f
            print("v", v)

    for foo in try_iterator, try_async_iterator:
        print(foo.__name__)
        a = asyncio.sleep(0.01, 'a')
        await asyncio.create_task(foo())
        print("loop.time()", f"{loop.time():.2f}")


asyncio.run(main())
