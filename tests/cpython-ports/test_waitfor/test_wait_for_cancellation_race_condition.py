# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_cancellation_race_condition
import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner: sleep cancelled")
    else:
        print("FAIL: sleep not cancelled")
    return 1


async def main():
    result = await asyncio.wait_for(inner(), timeout=.01)
    print("result", result)


asyncio.run(main())
