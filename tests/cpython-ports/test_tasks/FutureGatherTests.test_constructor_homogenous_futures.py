# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_homogenous_futures
# The test's loop is made here with new_event_loop; a turn of it is run_until_complete(sleep(0)).
# (The white-box asserts on fut._loop are not ported.)
import asyncio

other_loop = asyncio.new_event_loop()
children = [other_loop.create_future() for i in range(3)]
fut = asyncio.gather(*children)
other_loop.run_until_complete(asyncio.sleep(0))
print("fut.done()", fut.done())
fut = asyncio.gather(*children)
other_loop.run_until_complete(asyncio.sleep(0))
print("fut.done()", fut.done())
other_loop.close()
