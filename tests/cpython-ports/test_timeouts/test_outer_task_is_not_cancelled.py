# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_outer_task_is_not_cancelled
import asyncio


async def outer() -> None:
    try:
        async with asyncio.timeout(0.001):
            await asyncio.sleep(10)
    except TimeoutError as e:
        print("raised", type(e).__name__)


async def main():
    task = asyncio.create_task(outer())
    await task
    print("task.cancelled()", task.cancelled())
    print("task.done()", task.done())


asyncio.run(main())
