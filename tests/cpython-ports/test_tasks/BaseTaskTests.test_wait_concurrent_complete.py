# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_concurrent_complete
import asyncio


async def main():
    # The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.15))
    # (The test expects a done: on the virtual clock a's sleep and the timeout end at the same instant,
    # and CPython's wait times out first; the twin must do what CPython does here.)
    done, pending = await asyncio.wait([b, a], timeout=0.1)
    print("done == {a}", done == {a}, "pending == {b}", pending == {b})
    print("loop.time()", f"{loop.time():.2f}")
    b.cancel()


asyncio.run(main())
