# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_repr
import asyncio

N = 5


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    # (The test matches the whole repr with a regular expression: what follows its address is printed.)
    def extras(x):
        return repr(x).split("[", 1)[1]

    barrier = asyncio.Barrier(N)
    print(extras(barrier))
    waiters = []

    async def wait(barrier):
        await barrier.wait()

    incr = 2
    for i in range(incr):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    print(extras(barrier))

    # create missing waiters
    for i in range(barrier.parties - barrier.n_waiting):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    print(extras(barrier))

    # add a part of waiters
    for i in range(incr):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    # and reset
    await barrier.reset()
    print(extras(barrier))

    # add a part of waiters again
    for i in range(incr):
        waiters.append(asyncio.create_task(wait(barrier)))
    await asyncio.sleep(0)
    # and abort
    await barrier.abort()
    print(extras(barrier))
    print("barrier.broken", barrier.broken)

    # suppress unhandled exceptions
    await asyncio.gather(*waiters, return_exceptions=True)


asyncio.run(main())
