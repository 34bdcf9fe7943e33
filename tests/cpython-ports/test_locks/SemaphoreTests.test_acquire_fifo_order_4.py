# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_fifo_order_4
# The test reads sem._value and len(sem._waiters) (private): here what the repr shows in brackets
# ([locked, waiters:3]) is printed at those points instead.
import asyncio
import re


def extras(x):
    return re.search(r"\[(.*)\]>$", repr(x)).group(1)


async def main():
    # Test that a successful `acquire()` will wake up multiple Tasks
    # that were waiting in the Semaphore queue due to FIFO rules.
    sem = asyncio.Semaphore(0)
    result = []
    count = 0

    async def c1(result):
        # First task immediately waits for semaphore.  It will be awoken by c2.
        print("c1:", extras(sem))
        await sem.acquire()
        # We should have woken up all waiting tasks now.
        print("c1 acquired:", extras(sem))
        # Create a fourth task.  It should run after c3, not c2.
        nonlocal t4
        t4 = asyncio.create_task(c4(result))
        result.append(1)
        return True

    async def c2(result):
        # The second task begins by releasing semaphore three times,
        # for c1, c2, and c3.
        sem.release()
        sem.release()
        sem.release()
        print("c2 released 3 times:", extras(sem))
        # It is locked, because c1 hasn't woken up yet.
        print("sem.locked()", sem.locked())
        await sem.acquire()
        result.append(2)
        return True

    async def c3(result):
        await sem.acquire()
        print("c3: sem.locked()", sem.locked())
        result.append(3)
        return True

    async def c4(result):
        result.append(4)
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))
    t4 = None

    await asyncio.sleep(0)
    # Three tasks are in the queue, the first hasn't woken up yet.
    print("main:", extras(sem))
    await asyncio.sleep(0)

    tasks = [t1, t2, t3, t4]
    await asyncio.gather(*tasks)
    print("result", result)


asyncio.run(main())
