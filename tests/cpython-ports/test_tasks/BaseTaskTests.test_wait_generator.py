# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_generator
import asyncio


async def main():
    async def func(a):
        return a

    tasks = (asyncio.create_task(func(i)) for i in range(10))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print("len(done)", len(done))
    print("len(pending)", len(pending))


asyncio.run(main())
