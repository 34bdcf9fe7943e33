# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_nonblocking_get
import asyncio


async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    print("q.get_nowait()", q.get_nowait())


asyncio.run(main())
