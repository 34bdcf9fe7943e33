# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, LifoQueueJoinTests.test_task_done_underflow
import asyncio


async def main():
    q = asyncio.LifoQueue()
    try:
        q.task_done()
    except ValueError as e:
        print("raised", type(e).__name__, e)


asyncio.run(main())
