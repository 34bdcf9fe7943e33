# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started
import asyncio

foo_started = False


async def foo():
    global foo_started
    foo_started = True


async def main():
    loop = asyncio.get_running_loop()
    try:
        t0 = loop.time()
        await asyncio.wait_for(foo(), 0)
    except asyncio.TimeoutError as e:
        print("raised", type(e).__name__)
    t1 = loop.time()
    print("foo_started", foo_started)
    print("t1 - t0 < 0.1", t1 - t0 < 0.1)


asyncio.run(main())
