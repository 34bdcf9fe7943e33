# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_current_task_with_interleaving_tasks
# The test drives its own loop (run_until_complete) and checks current_task() is None outside any
# task; here main() runs the tasks, and only the checks inside them are ported.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut1 = loop.create_future()
    fut2 = loop.create_future()

    async def coro1(loop):
        print("coro1: current_task() is task1", asyncio.current_task() is task1)
        await fut1
        print("coro1: current_task() is task1", asyncio.current_task() is task1)
        fut2.set_result(True)

    async def coro2(loop):
        print("coro2: current_task() is task2", asyncio.current_task() is task2)
        fut1.set_result(True)
        await fut2
        print("coro2: current_task() is task2", asyncio.current_task() is task2)

    task1 = asyncio.create_task(coro1(loop))
    task2 = asyncio.create_task(coro2(loop))

    await asyncio.wait((task1, task2))
    print("done")


asyncio.run(main())
