# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_one_cancellation
import asyncio


async def main():
    # (The test checks a done callback with a mock; fut.done() is printed instead.)
    loop = asyncio.get_running_loop()
    a, b, c, d, e = [loop.create_future() for i in range(5)]
    fut = asyncio.gather(a, b, c, d, e)
    a.set_result(1)
    b.cancel()
    for _ in range(5):
        await asyncio.sleep(0)
    print("fut.done()", fut.done())
    print("fut.cancelled()", fut.cancelled())
    print("fut.exception() is a CancelledError", isinstance(fut.exception(), asyncio.CancelledError))
    # Does nothing
    c.set_result(3)
    d.cancel()
    e.set_exception(RuntimeError())
    e.exception()


asyncio.run(main())
