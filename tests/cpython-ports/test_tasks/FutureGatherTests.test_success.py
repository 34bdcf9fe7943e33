# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_success
import asyncio


async def main():
    # The test runs its loop until nothing is ready (_run_loop) and checks a done callback with a
    # mock; here main() gives the loop a few turns and prints fut.done().
    def wrap_futures(*futures):
        return futures

    def _gather(*args, **kwargs):
        return asyncio.gather(*args, **kwargs)

    async def run_loop():
        for _ in range(5):
            await asyncio.sleep(0)

    loop = asyncio.get_running_loop()

    async def check_success(**kwargs):
        a, b, c = [loop.create_future() for i in range(3)]
        fut = _gather(*wrap_futures(a, b, c), **kwargs)
        b.set_result(1)
        a.set_result(2)
        await run_loop()
        print("fut.done()", fut.done())
        c.set_result(3)
        await run_loop()
        print("fut.done()", fut.done())
        print("fut.result()", fut.result())

    await check_success()
    await check_success(return_exceptions=False)


asyncio.run(main())
