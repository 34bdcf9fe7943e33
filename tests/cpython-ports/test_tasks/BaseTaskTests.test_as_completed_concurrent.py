# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_concurrent
# The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
import asyncio


async def main():
    # Ensure that more than one future or coroutine yielded from
    # as_completed can be awaited concurrently.
    loop = asyncio.get_running_loop()

    async def try_iterator(fs):
        return list(asyncio.as_completed(fs))

    async def try_async_iterator(fs):
        return [f async for f in asyncio.as_completed(fs)]

    for runner in try_iterator, try_async_iterator:
        print(runner.__name__)
        t0 = loop.time()
        a = asyncio.sleep(0.05, 'a')
        b = asyncio.sleep(0.05, 'b')
        fs = {a, b}

        async def test():
            futs = await runner(fs)
            print("len(futs)", len(futs))
            done, pending = await asyncio.wait(
                [asyncio.ensure_future(fut) for fut in futs]
            )
            print("results", sorted(f.result() for f in done))

        await test()
        print("loop.time()", f"{loop.time() - t0:.2f}")


asyncio.run(main())
