# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_coroutine_without_loop
# skip: divergence: as_completed() outside a loop raises RuntimeError('no running event loop'); CPython 3.14's (events.get_event_loop() in _AsCompletedIterator.__init__) says "There is no current event loop in thread 'MainThread'."
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
