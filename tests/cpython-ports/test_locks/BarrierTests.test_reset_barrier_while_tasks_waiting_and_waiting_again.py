# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_while_tasks_waiting_and_waiting_again
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

    async def coro1():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError:
            results1.append(True)
        finally:
            await barrier.wait()
            results2.append(True)

    async def coro2():
        async with barrier:
            results2.append(True)

    tasks = make_tasks(N - 1, coro1)
    # reset barrier, N-1 waiting tasks raise an BrokenBarrierError
    asyncio.create_task(barrier.reset())
    await asyncio.sleep(0)
    # complete waiting tasks in the `finally`
    asyncio.create_task(coro2())
    await asyncio.gather(*tasks)
    print("barrier.broken", barrier.broken)
    print("results1", results1)
    print("results2", results2)
    print("barrier.n_waiting", barrier.n_waiting)


asyncio.run(main())
