# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_result_exception_one_cancellation
import asyncio


async def main():
    # (The test checks a done callback with a mock; fut.done() is printed instead.)
    loop = asyncio.get_running_loop()
    a, b, c, d, e, f = [loop.create_future() for i in range(6)]
    fut = asyncio.gather(a, b, c, d, e, f, return_exceptions=True)
    a.set_result(1)
    zde = ZeroDivisionError()
    b.set_exception(zde)
    c.cancel()
    for _ in range(5):
        await asyncio.sleep(0)
    print("fut.done()", fut.done())
    d.set_result(3)
    e.cancel()
    rte = RuntimeError()
    f.set_exception(rte)
    res = await fut
    print("res[2], res[4] are CancelledErrors", isinstance(res[2], asyncio.CancelledError), isinstance(res[4], asyncio.CancelledError))
    res[2] = res[4] = None
    print("res", res)
    print("the same exceptions", res[1] is zde and res[5] is rte)


asyncio.run(main())
