# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_errors
import asyncio


async def main():
    # The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait(set())
    except ValueError as e:
        print("raised", type(e).__name__, e)
    # -1 is an invalid return_when value
    sleep_coro = asyncio.sleep(10.0)
    try:
        await asyncio.wait([sleep_coro], return_when=-1)
    except ValueError as e:
        print("raised", type(e).__name__, e)
    sleep_coro.close()


asyncio.run(main())
