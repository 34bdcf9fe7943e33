# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_cancel_before_awoken
import asyncio


async def main():
    sem = asyncio.Semaphore(value=0)
    t1 = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    t3 = asyncio.create_task(sem.acquire())
    t4 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    t2.cancel()
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    num_done = sum(t.done() for t in [t3, t4])
    print("num_done", num_done)
    print("t3.done()", t3.done())
    print("t4.done()", t4.done())
    t3.cancel()
    t4.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
