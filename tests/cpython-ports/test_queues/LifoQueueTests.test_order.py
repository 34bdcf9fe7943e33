# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, LifoQueueTests.test_order
import asyncio


async def main():
    q = asyncio.LifoQueue()
    for i in [1, 3, 2]:
        await q.put(i)
    items = [await q.get() for _ in range(3)]
    print("items", items)


asyncio.run(main())
