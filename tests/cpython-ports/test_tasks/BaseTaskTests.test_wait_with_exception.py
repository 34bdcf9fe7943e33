# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_with_exception
import asyncio


async def main():
    # The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(asyncio.sleep(0.1))

    async def sleeper():
        await asyncio.sleep(0.15)
        raise ZeroDivisionError("really")

    b = asyncio.create_task(sleeper())

    async def foo():
        done, pending = await asyncio.wait([b, a])
        print("len(done)", len(done), "pending", pending)
        errors = set(f for f in done if f.exception() is not None)
        print("len(errors)", len(errors))

    await asyncio.create_task(foo())
    print("loop.time()", f"{loop.time():.2f}")
    await asyncio.create_task(foo())
    print("loop.time()", f"{loop.time():.2f}")


asyncio.run(main())
