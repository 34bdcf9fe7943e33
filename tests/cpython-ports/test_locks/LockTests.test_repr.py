# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_repr
# repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import asyncio
import re


def extras(x):
    return re.search(r"\[(.*)\]>$", repr(x)).group(1)


async def main():
    lock = asyncio.Lock()
    print(extras(lock))
    print("endswith [unlocked]>", repr(lock).endswith("[unlocked]>"))
    await lock.acquire()
    print(extras(lock))
    print("endswith [locked]>", repr(lock).endswith("[locked]>"))


asyncio.run(main())
