# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_coroutine_non_gen_function_return_future
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    fut = asyncio.get_running_loop().create_future()

    async def func():
        return fut

    async def coro():
        fut.set_result("test")

    t1 = asyncio.create_task(func())
    t2 = asyncio.create_task(coro())
    res = await t1
    print("res is fut", res is fut)
    print("t2.result()", t2.result())


asyncio.run(main())
