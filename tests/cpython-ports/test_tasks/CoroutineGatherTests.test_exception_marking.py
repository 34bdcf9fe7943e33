# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_exception_marking
import asyncio


async def main():
    # Test for the first line marked "Mark exception retrieved."
    async def inner(f):
        await f
        raise RuntimeError("should not be ignored")

    loop = asyncio.get_running_loop()
    a = loop.create_future()
    b = loop.create_future()

    async def outer():
        await asyncio.gather(inner(a), inner(b))

    f = asyncio.ensure_future(outer())
    await asyncio.sleep(0)
    a.set_result(None)
    await asyncio.sleep(0)
    b.set_result(None)
    # (run_briefly runs a whole turn of the test's loop; here f needs a few turns to be done.)
    for _ in range(5):
        await asyncio.sleep(0)
    print("f.exception()", repr(f.exception()))


asyncio.run(main())
