# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_no_hang
import asyncio


async def main():
    sem = asyncio.Semaphore(1)

    async def c1():
        async with sem:
            await asyncio.sleep(0)
        t2.cancel()

    async def c2():
        async with sem:
            print("FAIL: c2 got the semaphore")

    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    r1, r2 = await asyncio.gather(t1, t2, return_exceptions=True)
    print("r1 is None", r1 is None)
    print("r2 is a CancelledError", isinstance(r2, asyncio.CancelledError))
    await asyncio.wait_for(sem.acquire(), timeout=1.0)
    print("acquired in time")


asyncio.run(main())
