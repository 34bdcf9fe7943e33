# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_while_tasks_draining
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
    results3 = []
    count = 0

    async def coro():
        nonlocal count
        i = await barrier.wait()
        count += 1
        if count == N:
            # last task exited from barrier
            await barrier.reset()
            # wait here to reach the `parties`
            await barrier.wait()
        else:
            try:
                # second waiting
                await barrier.wait()
                # N-1 tasks here
                results1.append(True)
            except Exception as e:
                # never goes here
                results2.append(True)
        # Now, pass the barrier again
        # last wait, must be completed
        k = await barrier.wait()
        results3.append(True)

    await gather_tasks(N, coro)
    print("barrier.broken", barrier.broken)
    print("results1", results1)
    print("results2", results2)
    print("results3", results3)
    print("barrier.n_waiting", barrier.n_waiting)


asyncio.run(main())
