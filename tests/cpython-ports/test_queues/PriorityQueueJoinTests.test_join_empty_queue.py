# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueJoinTests.test_join_empty_queue
import asyncio


async def main():
    q = asyncio.PriorityQueue()
    # Test that a queue join()s successfully, and before anything else
    # (done twice for insurance).
    await q.join()
    await q.join()
    print("joined twice")


asyncio.run(main())
