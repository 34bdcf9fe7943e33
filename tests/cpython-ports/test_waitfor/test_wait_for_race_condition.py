# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_race_condition
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.wait_for(fut, timeout=0.2)
    loop.call_soon(fut.set_result, "ok")
    res = await task
    print("res", res)


asyncio.run(main())
