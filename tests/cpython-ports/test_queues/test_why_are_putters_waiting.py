# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_why_are_putters_waiting
import asyncio


async def main():
    queue = asyncio.Queue(2)

    async def putter(item):
        await queue.put(item)

    async def getter():
        await asyncio.sleep(0)
        num = queue.qsize()
        for _ in range(num):
            queue.get_nowait()

    async with asyncio.TaskGroup() as tg:
        tg.create_task(getter())
        tg.create_task(putter(0))
        tg.create_task(putter(1))
        tg.create_task(putter(2))
        tg.create_task(putter(3))
    # The test asserts nothing more than that the group ends.
    print("group ended, queue.qsize()", queue.qsize())


asyncio.run(main())
