# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueBasicTests.test_full
import asyncio


async def main():
    q = asyncio.Queue()
    print("q.full()", q.full())
    q = asyncio.Queue(maxsize=1)
    await q.put(1)
    print("q.full()", q.full())


asyncio.run(main())
