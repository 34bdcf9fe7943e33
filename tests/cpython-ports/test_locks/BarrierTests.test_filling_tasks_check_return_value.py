# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_tasks_check_return_value
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
    results1 = []
    results2 = []

    async def coro():
        async with barrier:
            results1.append(True)
            async with barrier as i:
                results2.append(True)
                return i

    res, _ = await gather_tasks(N, coro)
    print("results1", results1)
    print("results2", results2)
    print("sorted(res)", sorted(res))
    print("barrier.n_waiting", barrier.n_waiting)
    print("barrier.broken", barrier.broken)


asyncio.run(main())
