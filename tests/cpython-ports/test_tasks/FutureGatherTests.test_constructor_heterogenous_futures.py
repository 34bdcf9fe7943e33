# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_heterogenous_futures
# skip: divergence: gather() of futures of two loops takes them; CPython 3.14's raises ValueError('The future belongs to a different loop than the one specified as the loop argument') (_ensure_future with the first future's loop)
# The test's two loops are made here with new_event_loop, and neither runs.
import asyncio

one_loop = asyncio.new_event_loop()
other_loop = asyncio.new_event_loop()
fut1 = one_loop.create_future()
fut2 = other_loop.create_future()
try:
    asyncio.gather(fut1, fut2)
except ValueError as e:
    print("raised", type(e).__name__, e)
one_loop.close()
other_loop.close()
