# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_abort_barrier_when_exception
import asyncio

N = 5


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    # test from threading.Barrier: see `lock_tests.test_reset`
    barrier = asyncio.Barrier(N)
    results1 = []
    results2 = []

    async def coro():
        try:
            async with barrier as i:
                if i == N // 2:
                    raise RuntimeError
            async with barrier:
                results1.append(True)
        except asyncio.BrokenBarrierError:
            results2.append(True)
        except RuntimeError:
            await barrier.abort()

    await gather_tasks(N, coro)
    print("barrier.broken", barrier.broken)
    print("results1", results1)
    print("results2", results2)
    print("barrier.n_waiting", barrier.n_waiting)


asyncio.run(main())
