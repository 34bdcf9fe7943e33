# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_when_tasks_half_draining_half_blocking
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
    blocking_tasks = N // 2
    count = 0

    async def coro():
        nonlocal count
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            # here catch still waiting tasks
            results1.append(True)
            # so now waiting again to reach nb_parties
            await barrier.wait()
        else:
            count += 1
            if count > blocking_tasks:
                # reset now: raise asyncio.BrokenBarrierError for waiting tasks
                await barrier.reset()
                # so now waiting again to reach nb_parties
                await barrier.wait()
            else:
                try:
                    await barrier.wait()
                except asyncio.BrokenBarrierError:
                    # here no catch - blocked tasks go to wait
                    results2.append(True)

    await gather_tasks(N, coro)
    print("results1", results1)
    print("results2", results2)
    print("barrier.n_waiting", barrier.n_waiting)
    print("resetting in repr", "resetting" in repr(barrier))
    print("barrier.broken", barrier.broken)


asyncio.run(main())
