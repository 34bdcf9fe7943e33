# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_while_tasks_waiting
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
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            results.append(True)

    async def coro_reset():
        await barrier.reset()

    # N-1 tasks waiting on barrier with N parties
    tasks = make_tasks(N - 1, coro)
    await asyncio.sleep(0)
    # reset the barrier
    asyncio.create_task(coro_reset())
    await asyncio.gather(*tasks)
    print("results", results)
    print("barrier.n_waiting", barrier.n_waiting)
    print("resetting in repr", "resetting" in repr(barrier))
    print("barrier.broken", barrier.broken)


asyncio.run(main())
