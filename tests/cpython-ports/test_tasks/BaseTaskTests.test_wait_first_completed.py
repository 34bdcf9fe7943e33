# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_first_completed
import asyncio


async def main():
    # The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(asyncio.sleep(10.0))
    b = asyncio.create_task(asyncio.sleep(0.1))
    task = asyncio.create_task(asyncio.wait([b, a], return_when=asyncio.FIRST_COMPLETED))
    done, pending = await task
    print("done == {b}", done == {b}, "pending == {a}", pending == {a})
    print("a.done()", a.done(), "b.done()", b.done(), "b.result()", b.result())
    print("loop.time()", f"{loop.time():.2f}")
    # (The test then moves its clock on to close the generator; here the sleeps are cancelled.)
    a.cancel()


asyncio.run(main())
