# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_repr
# repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import asyncio
import re


def extras(x):
    return re.search(r"\[(.*)\]>$", repr(x)).group(1)


async def main():
    # (The test then appends a mock to ev._waiters: not ported.)
    ev = asyncio.Event()
    print(extras(ev))
    print("endswith [unset]>", repr(ev).endswith("[unset]>"))
    ev.set()
    print(extras(ev))
    print("endswith [set]>", repr(ev).endswith("[set]>"))


asyncio.run(main())
