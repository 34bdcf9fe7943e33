# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_clear
import asyncio


async def main():
    ev = asyncio.Event()
    print("ev.is_set()", ev.is_set())
    ev.set()
    print("ev.is_set()", ev.is_set())
    ev.clear()
    print("ev.is_set()", ev.is_set())


asyncio.run(main())
