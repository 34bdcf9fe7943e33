# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_resume_iterator
# The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
import asyncio


async def main():
    # Test that as_completed returns an iterator that can be resumed
    # the next time iteration is performed (i.e. if __iter__ is called
    # again)
    async def try_iterator(awaitables):
        iterations = 0
        iterator = asyncio.as_completed(awaitables)
        collected = []
        for f in iterator:
            collected.append(await f)
            iterations += 1
            if iterations == 2:
                break
        print("len(collected)", len(collected))

        # Resume same iterator:
        for f in iterator:
            collected.append(await f)
        return collected

    async def try_async_iterator(awaitables):
        iterations = 0
        iterator = asyncio.as_completed(awaitables)
        collected = []
        async for f in iterator:
            collected.append(await f)
            iterations += 1
            if iterations == 2:
                break
        print("len(collected)", len(collected))

        # Resume same iterator:
        async for f in iterator:
            collected.append(await f)
        return collected

    async def coro(i):
        return i

    for foo in try_iterator, try_async_iterator:
        print(foo.__name__)
        results = await foo((coro(0), coro(1), coro(2), coro(3)))
        print("sorted(results)", sorted(results))


asyncio.run(main())
