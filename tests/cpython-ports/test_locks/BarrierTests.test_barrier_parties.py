# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_barrier_parties
import asyncio

N = 5


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    for parties in (0, -4):
        try:
            asyncio.Barrier(parties)
        except ValueError as e:
            print("raised", type(e).__name__, e)
    print("isinstance Barrier", isinstance(asyncio.Barrier(N), asyncio.Barrier))


asyncio.run(main())
