# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_eager_start_false
# (The test makes its task with the Task class under test: here create_task(eager_start=False).)
import asyncio


async def main():
    name = None

    async def asyncfn():
        nonlocal name
        name = asyncio.current_task().get_name()

    t = asyncio.create_task(asyncfn(), eager_start=False, name="example")
    print("t.done()", t.done(), "name", name)
    await t
    print("name", name)


asyncio.run(main())
