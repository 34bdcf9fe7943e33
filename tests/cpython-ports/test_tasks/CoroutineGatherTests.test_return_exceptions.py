# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_return_exceptions
import asyncio


async def main():
    # The test runs its loop until nothing is ready (_run_loop) and checks a done callback with a
    # mock; here main() gives the loop a few turns and prints fut.done().
    def wrap_futures(*futures):
        coros = []
        for fut in futures:
            async def coro(fut=fut):
                return await fut
            coros.append(coro())
        return coros

    async def _gather(*args, **kwargs):
        async def coro():
            return asyncio.gather(*args, **kwargs)
        return await coro()

    async def run_loop():
        for _ in range(5):
            await asyncio.sleep(0)

    loop = asyncio.get_running_loop()

    a, b, c, d = [loop.create_future() for i in range(4)]
    fut = await _gather(*wrap_futures(a, b, c, d), return_exceptions=True)
    exc = ZeroDivisionError()
    exc2 = RuntimeError()
    b.set_result(1)
    c.set_exception(exc)
    a.set_result(3)
    await run_loop()
    print("fut.done()", fut.done())
    d.set_exception(exc2)
    await run_loop()
    print("fut.done()", fut.done())
    print("fut.result()", fut.result())
    print("the same exceptions", fut.result()[2] is exc and fut.result()[3] is exc2)


asyncio.run(main())
