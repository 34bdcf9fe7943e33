# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_empty_sequence_use_global_loop
# The test's loop is set with asyncio.set_event_loop and not running when gather() is called. (The
# white-box assert on fut._loop is not ported.)
import asyncio

# Deprecated in 3.10, undeprecated in 3.12
one_loop = asyncio.new_event_loop()
asyncio.set_event_loop(one_loop)
fut = asyncio.gather()
print("isinstance Future", isinstance(fut, asyncio.Future))
one_loop.run_until_complete(asyncio.sleep(0))
print("fut.done()", fut.done(), "fut.result()", fut.result())
asyncio.set_event_loop(None)
one_loop.close()
