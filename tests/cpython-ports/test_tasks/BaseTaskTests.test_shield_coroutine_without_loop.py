# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_coroutine_without_loop
# Outside any loop (before asyncio.run), shield() of a coroutine raises. (The test then closes the
# coroutine.)
import asyncio


async def coro():
    return 42


inner = coro()
try:
    asyncio.shield(inner)
except RuntimeError as e:
    print("raised", type(e).__name__, "no current event loop" in str(e))
inner.close()


async def main():
    print("main")


asyncio.run(main())
