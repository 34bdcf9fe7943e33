# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_context_manager
import asyncio

N = 5


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    n = 3
    barrier = asyncio.Barrier(n)
    results = []

    async def coro():
        async with barrier as i:
            results.append(i)

    await gather_tasks(n, coro)
    print("sorted(results)", sorted(results))
    print("barrier.n_waiting", barrier.n_waiting)
    print("barrier.broken", barrier.broken)


asyncio.run(main())
