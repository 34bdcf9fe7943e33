# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_nonblocking_get_exception
import asyncio


async def main():
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("raised", type(e).__name__)


asyncio.run(main())
