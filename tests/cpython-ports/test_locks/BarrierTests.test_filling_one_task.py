# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_one_task
import asyncio

N = 5


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    barrier = asyncio.Barrier(1)

    async def f():
        async with barrier as i:
            return True

    ret = await f()
    print("ret", ret)
    print("barrier.n_waiting", barrier.n_waiting)
    print("barrier.broken", barrier.broken)


asyncio.run(main())
