# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_coroutine_use_global_loop
# The test's loop is set with asyncio.set_event_loop and not running when shield() is called. (The
# white-box assert on outer._loop is not ported.)
import asyncio


# Deprecated in 3.10, undeprecated in 3.12
async def coro():
    return 42

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
outer = asyncio.shield(coro())
res = loop.run_until_complete(outer)
print("res", res)
asyncio.set_event_loop(None)
loop.close()
