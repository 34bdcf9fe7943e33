# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_error_msg
# skip: divergence: ensureFuture(future, otherLoop) gives the future back; CPython 3.14's ensure_future raises ValueError('The future belongs to a different loop than the one specified as the loop argument')
# The test's own loop is asyncio.run's here.
import asyncio


async def main():
    loop = asyncio.new_event_loop()
    f = asyncio.get_running_loop().create_future()
    try:
        asyncio.ensure_future(f, loop=loop)
    except ValueError as e:
        print("raised", type(e).__name__, e)
    loop.close()


asyncio.run(main())
