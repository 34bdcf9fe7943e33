# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_fifo_order_2
import asyncio


async def main():
    sem = asyncio.Semaphore(1)
    result = []

    async def c1(result):
        await sem.acquire()
        result.append(1)
        return True

    async def c2(result):
        await sem.acquire()
        result.append(2)
        sem.release()
        await sem.acquire()
        result.append(4)
        return True

    async def c3(result):
        await sem.acquire()
        result.append(3)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    tasks = [t1, t2, t3]
    await asyncio.gather(*tasks)
    print("result", result)


asyncio.run(main())
