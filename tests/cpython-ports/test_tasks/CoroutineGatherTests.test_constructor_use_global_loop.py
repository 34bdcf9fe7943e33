# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_constructor_use_global_loop
# The test's loop is set with asyncio.set_event_loop and not running when gather() is called. (The
# white-box assert on fut._loop is not ported.)
import asyncio


# Deprecated in 3.10, undeprecated in 3.12
async def coro():
    return 'abc'

other_loop = asyncio.new_event_loop()
asyncio.set_event_loop(other_loop)
gen1 = coro()
gen2 = coro()
fut = asyncio.gather(gen1, gen2)
print("result", other_loop.run_until_complete(fut))
asyncio.set_event_loop(None)
other_loop.close()
