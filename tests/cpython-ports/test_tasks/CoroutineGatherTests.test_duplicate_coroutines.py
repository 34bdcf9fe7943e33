# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_duplicate_coroutines
import asyncio


async def main():
    async def coro(s):
        return s

    async def _gather(*args):
        return asyncio.gather(*args)

    c = coro("abc")
    fut = await _gather(c, c, coro("def"), c)
    for _ in range(5):
        await asyncio.sleep(0)
    print("fut.result()", fut.result())


asyncio.run(main())
