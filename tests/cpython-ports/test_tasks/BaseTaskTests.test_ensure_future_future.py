# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_future
# (The test's second half hands the future to another loop: the runtime runs one.)
import asyncio


async def main():
    f_orig = asyncio.get_running_loop().create_future()
    f_orig.set_result('ko')

    f = asyncio.ensure_future(f_orig)
    await f
    print("f.done()", f.done(), "f.result()", f.result(), "f is f_orig", f is f_orig)


asyncio.run(main())
