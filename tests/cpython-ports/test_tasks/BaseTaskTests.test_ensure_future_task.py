# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_task
# (The test's second half hands the task to another loop: the runtime runs one.)
import asyncio


async def main():
    async def notmuch():
        return 'ok'
    t_orig = asyncio.create_task(notmuch())
    t = asyncio.ensure_future(t_orig)
    await t
    print("t.done()", t.done(), "t.result()", t.result(), "t is t_orig", t is t_orig)


asyncio.run(main())
