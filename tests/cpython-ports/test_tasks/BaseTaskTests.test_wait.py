# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait
import asyncio


async def main():
    # The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(asyncio.sleep(0.1))
    b = asyncio.create_task(asyncio.sleep(0.15))

    async def foo():
        done, pending = await asyncio.wait([b, a])
        print("done == {a, b}", done == {a, b})
        print("pending", pending)
        return 42

    res = await asyncio.create_task(foo())
    print("res", res, "loop.time()", f"{loop.time():.2f}")
    # Doing it again should take no time and exercise a different path.
    res = await asyncio.create_task(foo())
    print("res", res, "loop.time()", f"{loop.time():.2f}")


asyncio.run(main())
