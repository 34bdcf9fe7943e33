# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_blocking_tasks_while_draining
import asyncio

N = 5


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    rewait = 2
    barrier = asyncio.Barrier(N)
    barrier_nowaiting = asyncio.Barrier(N - rewait)
    rewait_n = rewait

    async def coro():
        nonlocal rewait_n
        # first time waiting
        await barrier.wait()
        # after waiting once for all tasks
        if rewait_n > 0:
            rewait_n -= 1
            # wait again only for rewait tasks
            await barrier.wait()
        else:
            # wait for end of draining state
            await barrier_nowaiting.wait()
            # wait for other waiting tasks
            await barrier.wait()

    # a success means that barrier_nowaiting was waited for exactly N-rewait=3 times
    await gather_tasks(N, coro)
    print("gathered")


asyncio.run(main())
