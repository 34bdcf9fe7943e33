# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_sleep_when_delay_is_nan
# skip: divergence: sleep(NaN) throws TypeError('sleep() takes a number of seconds, got nan') when called; CPython 3.14's asyncio.sleep raises ValueError('Invalid delay: NaN (not a number)') when awaited
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
