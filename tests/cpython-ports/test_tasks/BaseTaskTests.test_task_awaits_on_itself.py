# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_awaits_on_itself
import asyncio


async def main():
    # (The message ends with the task's repr, which names a source file: the test matches its start.)
    async def test():
        await task

    task = asyncio.ensure_future(test())
    try:
        await task
    except RuntimeError as e:
        print("raised", type(e).__name__, str(e).startswith("Task cannot await on itself"))


asyncio.run(main())
