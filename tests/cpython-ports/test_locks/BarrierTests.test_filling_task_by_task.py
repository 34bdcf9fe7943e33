# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_task_by_task
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
    t1 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("barrier.n_waiting", barrier.n_waiting, "filling in repr", "filling" in repr(barrier))
    t2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print("barrier.n_waiting", barrier.n_waiting, "filling in repr", "filling" in repr(barrier))
    t3 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    await asyncio.wait([t1, t2, t3])
    print("barrier.n_waiting", barrier.n_waiting)
    print("barrier.broken", barrier.broken)


asyncio.run(main())
