# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_class
import asyncio


async def main():
    # (The test also checks the task's loop, and runs a second task on a second loop.)
    async def notmuch():
        return "ok"

    t = asyncio.create_task(notmuch())
    await t
    print("t.done()", t.done())
    print("t.result()", t.result())


asyncio.run(main())
