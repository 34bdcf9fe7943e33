# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_put_cancel_drop
import asyncio


async def main():
    q = asyncio.Queue(1)
    q.put_nowait(1)
    # putting a second item in the queue has to block (qsize=1)
    writer = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    value1 = q.get_nowait()
    print("value1", value1)
    writer.cancel()
    try:
        await writer
    except asyncio.CancelledError:
        print("writer cancelled: try again")
        writer = asyncio.create_task(q.put(2))
        await writer
    value2 = q.get_nowait()
    print("value2", value2)
    print("q.qsize()", q.qsize())


asyncio.run(main())
