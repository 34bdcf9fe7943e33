# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_one_exception
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

    a, b, c, d, e = [loop.create_future() for i in range(5)]
    fut = await _gather(*wrap_futures(a, b, c, d, e))
    exc = ZeroDivisionError()
    a.set_result(1)
    b.set_exception(exc)
    await run_loop()
    print("fut.done()", fut.done())
    print("fut.exception() is exc", fut.exception() is exc)
    # Does nothing
    c.set_result(3)
    d.cancel()
    e.set_exception(RuntimeError())
    e.exception()
    await run_loop()


asyncio.run(main())
