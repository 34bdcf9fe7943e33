# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_duplicate_coroutines
# The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
import asyncio


async def main():
    async def coro(s):
        return s

    async def try_iterator():
        result = []
        c = coro('ham')
        for f in asyncio.as_completed([c, c, coro('spam')]):
            result.append(await f)
        return result

    async def try_async_iterator():
        result = []
        c = coro('ham')
        async for f in asyncio.as_completed([c, c, coro('spam')]):
            result.append(await f)
        return result

    for runner in try_iterator, try_async_iterator:
        print(runner.__name__)
        fut = asyncio.create_task(runner())
        await fut
        result = fut.result()
        print("sorted(set(result))", sorted(set(result)), "len(result)", len(result))


asyncio.run(main())
