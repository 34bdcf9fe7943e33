# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_duplicate_coroutines
import asyncio


async def main():
    # The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
    loop = asyncio.get_running_loop()
    async def coro(s):
        return s

    c = loop.create_task(coro("test"))
    task = asyncio.create_task(asyncio.wait([c, c, loop.create_task(coro("spam"))]))
    done, pending = await task
    print("pending", pending)
    print("results", sorted(f.result() for f in done))


asyncio.run(main())
