# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_not_entered
import asyncio


async def main():
    cm = asyncio.timeout(0.01)
    try:
        cm.reschedule(0.02)
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
