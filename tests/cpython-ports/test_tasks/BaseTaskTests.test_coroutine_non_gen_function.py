# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_coroutine_non_gen_function
import asyncio


async def main():
    # (asyncio.iscoroutinefunction and iscoroutine are not ported: the runtime has neither.)
    async def func():
        return "test"

    coro = func()
    res = await coro
    print("res", res)


asyncio.run(main())
