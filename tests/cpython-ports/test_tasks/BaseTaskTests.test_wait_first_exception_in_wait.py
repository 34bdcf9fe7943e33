# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_first_exception_in_wait
import asyncio


async def main():
    # The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
    loop = asyncio.get_running_loop()
    # first_exception, exception during waiting
    a = asyncio.create_task(asyncio.sleep(10.0))

    async def exc():
        await asyncio.sleep(0.01)
        raise ZeroDivisionError("err")

    b = asyncio.create_task(exc())
    done, pending = await asyncio.wait([b, a], return_when=asyncio.FIRST_EXCEPTION)
    print("done == {b}", done == {b}, "pending == {a}", pending == {a})
    print("loop.time()", f"{loop.time():.2f}")
    a.cancel()


asyncio.run(main())
