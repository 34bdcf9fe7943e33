# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_expired
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("raised", type(e).__name__)
    try:
        cm.reschedule(0.02)
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
