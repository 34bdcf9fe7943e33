# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_blocking
import asyncio


async def coro():
    return 'done'


async def main():
    res = await asyncio.wait_for(coro(), timeout=None)
    print("res", res)


asyncio.run(main())
