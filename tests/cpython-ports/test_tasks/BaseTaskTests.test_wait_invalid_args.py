# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_invalid_args
import asyncio


async def coroutine_function():
    pass


async def main():
    fut = asyncio.get_running_loop().create_future()

    # wait() expects a list of futures, not a future instance
    try:
        await asyncio.wait(fut)
    except TypeError as e:
        print("future: raised", type(e).__name__)
    coro = coroutine_function()
    try:
        await asyncio.wait(coro)
    except TypeError as e:
        print("coroutine: raised", type(e).__name__)
    coro.close()

    # wait() expects at least a future
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("[]: raised", type(e).__name__, e)


asyncio.run(main())
