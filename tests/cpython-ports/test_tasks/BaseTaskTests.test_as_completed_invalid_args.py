# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_invalid_args
import asyncio


async def coroutine_function():
    pass


async def main():
    loop = asyncio.get_running_loop()
    # as_completed() expects a list of futures, not a future instance
    # TypeError should be raised either on iterator construction or first
    # iteration

    # Plain iterator
    fut = loop.create_future()
    try:
        iterator = asyncio.as_completed(fut)
        next(iterator)
    except TypeError as e:
        print("future: raised", type(e).__name__)
    coro = coroutine_function()
    try:
        iterator = asyncio.as_completed(coro)
        next(iterator)
    except TypeError as e:
        print("coroutine: raised", type(e).__name__)
    coro.close()

    # Async iterator
    async def try_async_iterator(aw):
        async for f in asyncio.as_completed(aw):
            break

    fut = loop.create_future()
    try:
        await try_async_iterator(fut)
    except TypeError as e:
        print("async, future: raised", type(e).__name__)
    coro = coroutine_function()
    try:
        await try_async_iterator(coro)
    except TypeError as e:
        print("async, coroutine: raised", type(e).__name__)
    coro.close()


asyncio.run(main())
