# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_coroutine
# The white-box asserts on t._loop are not ported. The test's loop runs here as asyncio.run, then
# as a loop of the program's own (new_event_loop, set_event_loop) for the last part.
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

# Deprecated in 3.10, undeprecated in 3.12
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
t = asyncio.ensure_future(notmuch())
loop.run_until_complete(t)
print("t.done()", t.done(), "t.result()", t.result())
asyncio.set_event_loop(None)
loop.close()
