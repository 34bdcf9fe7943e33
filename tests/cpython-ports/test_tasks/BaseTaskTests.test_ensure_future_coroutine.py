# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_coroutine
# skip: divergence: ensure_future(coro) outside a loop raises RuntimeError('no running event loop'); CPython 3.14's (events.get_event_loop()) says "There is no current event loop in thread 'MainThread'."
# The test's loops run here as one: the white-box asserts on t._loop are not ported, and the last
# part (asyncio.set_event_loop, then ensure_future outside the loop) needs a loop that is not running.
import asyncio


async def notmuch():
    return 'ok'


a = notmuch()
try:
    asyncio.ensure_future(a)
except RuntimeError as e:
    print("raised", type(e).__name__, "no current event loop" in str(e))
a.close()


async def main():
    t = asyncio.ensure_future(notmuch())
    await t
    print("t.done()", t.done(), "t.result()", t.result())

    async def test():
        return asyncio.ensure_future(notmuch())
    t = await test()
    await t
    print("t.done()", t.done(), "t.result()", t.result())


asyncio.run(main())
