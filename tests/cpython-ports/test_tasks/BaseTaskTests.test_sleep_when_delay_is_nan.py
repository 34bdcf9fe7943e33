# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_sleep_when_delay_is_nan
import asyncio


async def main():
    async def sleeper():
        await asyncio.sleep(float("nan"))

    t = asyncio.create_task(sleeper())
    try:
        await t
    except ValueError as e:
        print("raised", type(e).__name__)


asyncio.run(main())
