# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_foreign_exception_on_timeout
import asyncio


async def crash():
    try:
        await asyncio.sleep(1)
    finally:
        1 / 0


async def main():
    try:
        async with asyncio.timeout(0.01):
            await crash()
    except ZeroDivisionError as e:
        print("raised", type(e).__name__)


asyncio.run(main())
