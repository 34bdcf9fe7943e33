# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_put_with_waiting_getters
import asyncio


async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    await q.put("a")
    print("await t", await t)


asyncio.run(main())
