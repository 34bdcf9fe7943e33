# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire
# repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import asyncio
import re


def extras(x):
    return re.search(r"\[(.*)\]>$", repr(x)).group(1)


async def main():
    # The test reads sem._value and len(sem._waiters): repr shows them (the value while unlocked).
    # acquire() gives True in Python; in TypeScript, what releases it (truthy): printed as bool.
    sem = asyncio.Semaphore(3)
    result = []
    print("await sem.acquire()", bool(await sem.acquire()))
    print("await sem.acquire()", bool(await sem.acquire()))
    print("sem.locked()", sem.locked())

    async def c1(result):
        await sem.acquire()
        result.append(1)
        return True

    async def c2(result):
        await sem.acquire()
        result.append(2)
        return True

    async def c3(result):
        await sem.acquire()
        result.append(3)
        return True

    async def c4(result):
        await sem.acquire()
        result.append(4)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))
    await asyncio.sleep(0)
    print("result", result)
    print("sem.locked()", sem.locked())
    print(extras(sem))
    t4 = asyncio.create_task(c4(result))
    sem.release()
    sem.release()
    print(extras(sem))
    await asyncio.sleep(0)
    print("len(result)", len(result))
    print("sem.locked()", sem.locked())
    print(extras(sem))
    print("t1.done(), t1.result()", t1.done(), t1.result())
    race_tasks = [t2, t3, t4]
    done_tasks = [t for t in race_tasks if t.done() and t.result()]
    print("len(done_tasks)", len(done_tasks))
    # cleanup locked semaphore
    sem.release()
    await asyncio.gather(*race_tasks)


asyncio.run(main())
