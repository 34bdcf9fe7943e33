# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_tasks_wait_twice
import asyncio

N = 5


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    barrier = asyncio.Barrier(N)
    results = []

    async def coro():
        async with barrier:
            results.append(True)
            async with barrier:
                results.append(False)

    await gather_tasks(N, coro)
    print("len(results)", len(results), "True", results.count(True), "False", results.count(False))
    print("barrier.n_waiting", barrier.n_waiting)
    print("barrier.broken", barrier.broken)


asyncio.run(main())
