# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_constructor_without_loop
# Outside any loop (before asyncio.run), gather() of coroutines raises. (The test then closes them.)
import asyncio


async def coro():
    return 'abc'


gen1 = coro()
gen2 = coro()
try:
    asyncio.gather(gen1, gen2)
except RuntimeError as e:
    print("raised", type(e).__name__, "no current event loop" in str(e))
gen1.close()
gen2.close()


async def main():
    print("main")


asyncio.run(main())
