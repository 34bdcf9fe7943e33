# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_cancel_suppressed
import asyncio


async def main():
    # GH-86296: Suppressing CancelledError is discouraged but if a task suppresses CancelledError
    # and returns a value, `wait_for` should return the value instead of raising CancelledError.
    # This is the same behavior as `asyncio.timeout`.
    async def return_42():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return 42

    res = await asyncio.wait_for(return_42(), timeout=0.1)
    print("res", res)


asyncio.run(main())
