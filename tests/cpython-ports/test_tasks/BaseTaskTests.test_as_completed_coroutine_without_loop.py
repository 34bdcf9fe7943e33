# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_coroutine_without_loop
# Outside any loop (before asyncio.run), as_completed() raises. (The test then closes the coroutine.)
import asyncio


async def coro():
    return 42


a = coro()
try:
    futs = asyncio.as_completed([a])
    list(futs)
except RuntimeError as e:
    print("raised", type(e).__name__, "no current event loop" in str(e))
a.close()


async def main():
    print("main")


asyncio.run(main())
