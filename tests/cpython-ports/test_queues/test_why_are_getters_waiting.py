# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_why_are_getters_waiting
import asyncio


async def main():
    async def consumer(queue, num_expected):
        for _ in range(num_expected):
            await queue.get()

    async def producer(queue, num_items):
        for i in range(num_items):
            await queue.put(i)

    producer_num_items = 5
    q = asyncio.Queue(1)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(q, producer_num_items))
        tg.create_task(consumer(q, producer_num_items))
    # The test asserts nothing more than that the group ends.
    print("group ended, q.qsize()", q.qsize())


asyncio.run(main())
