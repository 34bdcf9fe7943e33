# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_blocking_get
import asyncio


async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    print("await q.get()", await q.get())


asyncio.run(main())
