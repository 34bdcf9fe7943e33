# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_coroutine_use_running_loop
import asyncio


async def main():
    async def coro():
        return 42

    async def test():
        futs = list(asyncio.as_completed([coro()]))
        print("len(futs)", len(futs))
        print("await futs[0]", await futs[0])

    await test()


asyncio.run(main())
