# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_coroutine_use_running_loop
import asyncio


async def main():
    # (The white-box assert on outer._loop is not ported.)
    async def coro():
        return 42

    async def test():
        return asyncio.shield(coro())

    outer = await test()
    res = await outer
    print("res", res)


asyncio.run(main())
