# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_foreign_cancel_doesnt_timeout_if_not_expired
import asyncio


async def main():
    try:
        async with asyncio.timeout(10) as cm:
            asyncio.current_task().cancel()
            await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("cm.expired()", cm.expired())


asyncio.run(main())
