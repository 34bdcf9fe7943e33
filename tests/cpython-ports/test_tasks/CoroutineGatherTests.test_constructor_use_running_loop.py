# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_constructor_use_running_loop
import asyncio


async def main():
    # (The white-box assert on fut._loop is not ported.)
    async def coro():
        return "abc"

    gen1 = coro()
    gen2 = coro()

    async def gather():
        return asyncio.gather(gen1, gen2)

    fut = await gather()
    print("await fut", await fut)


asyncio.run(main())
