# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_with_message_before_starting_task
# (The innermost __context__ of the error, checked too, is not: JavaScript has no implicit
# exception context.)
import asyncio


async def main():
    async def sleep():
        await asyncio.sleep(10)

    async def coro():
        task = asyncio.create_task(sleep())
        # We deliberately leave out the sleep here.
        task.cancel('my message')
        done, pending = await asyncio.wait([task])
        task.exception()

    task = asyncio.create_task(coro())
    try:
        await task
    except asyncio.CancelledError as exc:
        print("raised", type(exc).__name__, "args", list(exc.args))


asyncio.run(main())
