# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancellation_exception_context
# The test follows the __context__ chain to its end: (CancelledError, ('msg',), depth 1). Here the
# chain is followed through __cause__ (raise ... from ex), which JavaScript has (cause).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    async def sleep():
        fut.set_result(None)
        await asyncio.sleep(10)

    async def coro():
        inner_task = asyncio.create_task(sleep())
        await fut
        loop.call_soon(inner_task.cancel, 'msg')
        try:
            await inner_task
        except asyncio.CancelledError as ex:
            raise ValueError("cancelled") from ex

    task = asyncio.create_task(coro())
    try:
        await task
    except ValueError as exc:
        print("raised", type(exc).__name__, "args", list(exc.args))
        cause = exc.__cause__
        print("cause", type(cause).__name__, "args", list(cause.args), "its cause", cause.__cause__)


asyncio.run(main())
