# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_other_loop_future
# skip: divergence: a task awaiting a future of another loop waits for it (the run ends in a deadlock); CPython 3.14's Task.__step raises RuntimeError('Task ... got Future ... attached to a different loop') in the task
# The test runs run(fut) on its loop with run_until_complete; here asyncio.run's loop runs it as a
# task.
import asyncio
import re


async def main():
    other_loop = asyncio.new_event_loop()
    fut = other_loop.create_future()

    async def run(fut):
        await fut

    try:
        await asyncio.create_task(run(fut))
    except RuntimeError as e:
        print("raised", type(e).__name__, bool(re.search(r"Task .* got Future .* attached", str(e))))
    finally:
        other_loop.close()


asyncio.run(main())
