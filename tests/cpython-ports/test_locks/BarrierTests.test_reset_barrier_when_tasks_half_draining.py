# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_when_tasks_half_draining
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
    rest_of_tasks = N // 2

    async def coro():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            # catch here waiting tasks
            results1.append(True)
        else:
            # here drained task outside the barrier
            # (barrier._count is private: the TypeScript twin needs another way to tell.)
            if rest_of_tasks == barrier._count:
                # tasks outside the barrier
                await barrier.reset()

    await gather_tasks(N, coro)
    print("results1", results1)
    print("barrier.n_waiting", barrier.n_waiting)
    print("resetting in repr", "resetting" in repr(barrier))
    print("barrier.broken", barrier.broken)


asyncio.run(main())
