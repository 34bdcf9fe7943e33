# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_nonblocking_put_exception
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1, )
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print("raised", type(e).__name__)


asyncio.run(main())
