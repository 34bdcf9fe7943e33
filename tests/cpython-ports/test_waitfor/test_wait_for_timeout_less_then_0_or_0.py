# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for timeout in [0, -1]:
        print("subTest timeout", timeout)
        foo_running = None
        started = loop.create_future()

        async def foo():
            nonlocal foo_running
            foo_running = True
            started.set_result(None)
            try:
                await asyncio.sleep(10)
            finally:
                foo_running = False
            return 'done'

        fut = asyncio.create_task(foo())
        await started
        try:
            t0 = loop.time()
            await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError as e:
            print("raised", type(e).__name__)
        t1 = loop.time()
        print("fut.done()", fut.done())
        # it should have been cancelled due to the timeout
        print("fut.cancelled()", fut.cancelled())
        print("foo_running", foo_running)
        print("t1 - t0 < 0.1", t1 - t0 < 0.1)


asyncio.run(main())
