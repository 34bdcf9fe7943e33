# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_repr
# repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import asyncio
import re


def extras(x):
    return re.search(r"\[(.*)\]>$", repr(x)).group(1)


async def main():
    # (The test then appends mocks to sem._waiters: not ported.)
    sem = asyncio.Semaphore()
    print(extras(sem))
    print("endswith [unlocked, value:1]>", repr(sem).endswith("[unlocked, value:1]>"))
    await sem.acquire()
    print(extras(sem))
    print("endswith [locked]>", repr(sem).endswith("[locked]>"))
    print("no waiters", "waiters" not in repr(sem))


asyncio.run(main())
