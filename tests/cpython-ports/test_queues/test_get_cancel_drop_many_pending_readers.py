# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_get_cancel_drop_many_pending_readers
import asyncio


async def main():
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        reader1 = tg.create_task(q.get())
        reader2 = tg.create_task(q.get())
        reader3 = tg.create_task(q.get())
        await asyncio.sleep(0)
        q.put_nowait(1)
        q.put_nowait(2)
        reader1.cancel()
        try:
            await reader1
        except asyncio.CancelledError as e:
            print("reader1 raised", type(e).__name__)
        await reader3
    # It is undefined in which order concurrent readers receive results.
    print("results", sorted({reader2.result(), reader3.result()}))


asyncio.run(main())
