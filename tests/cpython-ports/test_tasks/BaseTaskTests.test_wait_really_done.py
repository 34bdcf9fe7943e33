# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_really_done
import asyncio


async def main():
    # The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
    loop = asyncio.get_running_loop()
    # there is possibility that some tasks in the pending list
    # became done but their callbacks haven't all been called yet
    async def coro1():
        await asyncio.sleep(0)

    async def coro2():
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    a = asyncio.create_task(coro1())
    b = asyncio.create_task(coro2())
    task = asyncio.create_task(asyncio.wait([b, a], return_when=asyncio.FIRST_COMPLETED))
    done, pending = await task
    print("done == {a, b}", done == {a, b})
    print("a.done()", a.done(), "a.result()", a.result())
    print("b.done()", b.done(), "b.result()", b.result())


asyncio.run(main())
