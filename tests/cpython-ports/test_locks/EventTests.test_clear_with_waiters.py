# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_clear_with_waiters
# repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import asyncio
import re


def extras(x):
    return re.search(r"\[(.*)\]>$", repr(x)).group(1)


async def main():
    # The test reads len(ev._waiters): repr shows it.
    ev = asyncio.Event()
    result = []

    async def c1(result):
        if await ev.wait():
            result.append(1)
        return True

    t = asyncio.create_task(c1(result))
    await asyncio.sleep(0)
    print("result", result)
    ev.set()
    ev.clear()
    print("ev.is_set()", ev.is_set())
    ev.set()
    ev.set()
    print(extras(ev))
    await asyncio.sleep(0)
    print("result", result)
    print(extras(ev))
    print("t.done()", t.done())
    print("t.result()", t.result())


asyncio.run(main())
