# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_tasks_cancel_one
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
        await barrier.wait()
        results.append(True)

    t1 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print("barrier.n_waiting", barrier.n_waiting)
    t2 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print("barrier.n_waiting", barrier.n_waiting)
    t1.cancel()
    await asyncio.sleep(0)
    print("barrier.n_waiting", barrier.n_waiting)
    try:
        await t1
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("t1.cancelled()", t1.cancelled())
    t3 = asyncio.create_task(coro())
    await asyncio.sleep(0)
    print("barrier.n_waiting", barrier.n_waiting)
    t4 = asyncio.create_task(coro())
    await asyncio.gather(t2, t3, t4)
    print("results", results)
    print("barrier.n_waiting", barrier.n_waiting)
    print("barrier.broken", barrier.broken)


asyncio.run(main())
