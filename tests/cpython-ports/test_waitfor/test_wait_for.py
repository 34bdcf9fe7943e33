# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    foo_running = None

    async def foo():
        nonlocal foo_running
        foo_running = True
        try:
            await asyncio.sleep(10)
        finally:
            foo_running = False
        return 'done'

    fut = asyncio.create_task(foo())
    try:
        t0 = loop.time()
        await asyncio.wait_for(fut, 0.1)
    except asyncio.TimeoutError as e:
        print("raised", type(e).__name__)
    t1 = loop.time()
    print("fut.done()", fut.done())
    # it should have been cancelled due to the timeout
    print("fut.cancelled()", fut.cancelled())
    print("t1 - t0 < 0.2", t1 - t0 < 0.2)
    print("foo_running", foo_running)


asyncio.run(main())
