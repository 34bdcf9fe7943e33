# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed
# The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
# Its test loop jumps 0.14 s ahead once a and b are done (loop.advance_time); on the virtual clock
# c's sleep takes that time. a and b finish at the same instant, in an order the test leaves open.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    async def sleeper(dt, x):
        await asyncio.sleep(dt)
        completed.add(x)
        return x

    async def try_iterator(awaitables):
        values = []
        for f in asyncio.as_completed(awaitables):
            values.append(await f)
        return values

    async def try_async_iterator(awaitables):
        values = []
        async for f in asyncio.as_completed(awaitables):
            values.append(await f)
        return values

    for foo in try_iterator, try_async_iterator:
        print(foo.__name__)
        completed = set()
        t0 = loop.time()

        a = sleeper(0.01, 'a')
        b = sleeper(0.01, 'b')
        c = sleeper(0.15, 'c')

        res = await asyncio.create_task(foo([b, c, a]))
        print("loop.time()", f"{loop.time() - t0:.2f}")
        print("sorted(res[:2])", sorted(res[:2]), "res[2]", res[2])


asyncio.run(main())
