# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0_future_done
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result('done')
    t0 = loop.time()
    ret = await asyncio.wait_for(fut, 0)
    t1 = loop.time()
    print("ret", ret)
    print("fut.done()", fut.done())
    print("t1 - t0 < 0.1", t1 - t0 < 0.1)


asyncio.run(main())
