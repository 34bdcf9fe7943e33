# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_float_maxsize
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1.3, )
    q.put_nowait(1)
    q.put_nowait(2)
    print("q.full()", q.full())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print("raised", type(e).__name__)

    q = asyncio.Queue(maxsize=1.3, )
    await q.put(1)
    await q.put(2)
    print("q.full()", q.full())


asyncio.run(main())
