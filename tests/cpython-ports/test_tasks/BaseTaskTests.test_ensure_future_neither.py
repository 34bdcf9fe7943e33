# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_neither
import asyncio


async def main():
    try:
        asyncio.ensure_future('ok')
    except TypeError as e:
        print("raised", type(e).__name__)


asyncio.run(main())
