# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_wait_on_set
import asyncio


async def main():
    ev = asyncio.Event()
    ev.set()
    res = await ev.wait()
    print("res", res)


asyncio.run(main())
