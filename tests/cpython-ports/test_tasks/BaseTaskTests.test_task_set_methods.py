# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_set_methods
import asyncio


async def main():
    async def notmuch():
        return "ko"

    gen = notmuch()
    task = asyncio.create_task(gen)
    try:
        task.set_result("ok")
    except RuntimeError as e:
        print("raised", type(e).__name__, e)
    try:
        task.set_exception(ValueError())
    except RuntimeError as e:
        print("raised", type(e).__name__, e)
    print("await task", await task)


asyncio.run(main())
