# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, WaitForShieldTests.test_none_timeout
import asyncio


async def main():
    # With timeout=None the timeout is disabled so it runs till completion.
    async def coro():
        await asyncio.sleep(0.1)
        return "done"

    task = asyncio.create_task(coro())
    await asyncio.wait_for(asyncio.shield(task), timeout=None)
    print("task.done()", task.done())
    print("await task", await task)


asyncio.run(main())
