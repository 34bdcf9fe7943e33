# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_get_cancel_drop_one_pending_reader
import asyncio


async def main():
    q = asyncio.Queue()
    reader = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    reader.cancel()
    try:
        await reader
    except asyncio.CancelledError:
        print("reader cancelled: try again")
        reader = asyncio.create_task(q.get())
        await reader
    result = reader.result()
    # if we get 2, it means 1 got dropped!
    print("result", result)


asyncio.run(main())
