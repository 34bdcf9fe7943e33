# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_abort_barrier_when_exception_then_resetting
import asyncio

N = 5


def make_tasks(n, coro):
    return [asyncio.create_task(coro()) for _ in range(n)]


async def gather_tasks(n, coro):
    tasks = make_tasks(n, coro)
    res = await asyncio.gather(*tasks)
    return res, tasks


async def main():
    # test from threading.Barrier: see `lock_tests.test_abort_and_reset`
    barrier1 = asyncio.Barrier(N)
    barrier2 = asyncio.Barrier(N)
    results1 = []
    results2 = []
    results3 = []

    async def coro():
        try:
            i = await barrier1.wait()
            if i == N // 2:
                raise RuntimeError
            await barrier1.wait()
            results1.append(True)
        except asyncio.BrokenBarrierError:
            results2.append(True)
        except RuntimeError:
            await barrier1.abort()

        # Synchronize and reset the barrier.  Must synchronize first so
        # that everyone has left it when we reset, and after so that no
        # one enters it before the reset.
        i = await barrier2.wait()
        if i == N // 2:
            await barrier1.reset()
        await barrier2.wait()
        await barrier1.wait()
        results3.append(True)

    await gather_tasks(N, coro)
    print("barrier1.broken", barrier1.broken)
    print("results1", results1)
    print("results2", results2)
    print("results3", results3)
    print("barrier1.n_waiting", barrier1.n_waiting)


asyncio.run(main())
