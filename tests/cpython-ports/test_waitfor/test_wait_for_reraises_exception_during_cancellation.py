# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_reraises_exception_during_cancellation
import asyncio

_EPSILON = 0.0001


class FooException(Exception):
    pass


async def foo():
    async def inner():
        try:
            await asyncio.sleep(0.2)
        finally:
            raise FooException

    inner_task = asyncio.create_task(inner())
    await asyncio.wait_for(inner_task, timeout=_EPSILON)


async def main():
    try:
        await foo()
    except FooException as e:
        print("raised", type(e).__name__)


asyncio.run(main())
