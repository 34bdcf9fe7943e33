# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_acquire
import asyncio


async def main():
    # acquire() gives True in Python; in TypeScript, what releases the lock (truthy): printed as bool.
    lock = asyncio.Lock()
    result = []
    print("await lock.acquire()", bool(await lock.acquire()))

    async def c1(result):
        if await lock.acquire():
            result.append(1)
        return True

    async def c2(result):
        if await lock.acquire():
            result.append(2)
        return True

    async def c3(result):
        if await lock.acquire():
            result.append(3)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    await asyncio.sleep(0)
    print("result", result)
    lock.release()
    await asyncio.sleep(0)
    print("result", result)
    await asyncio.sleep(0)
    print("result", result)
    t3 = asyncio.create_task(c3(result))
    lock.release()
    await asyncio.sleep(0)
    print("result", result)
    lock.release()
    await asyncio.sleep(0)
    print("result", result)
    for t in (t1, t2, t3):
        print("done, result", t.done(), t.result())


asyncio.run(main())
