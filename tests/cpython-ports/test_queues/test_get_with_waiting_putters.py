# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_get_with_waiting_putters
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    asyncio.create_task(q.put("a"))
    asyncio.create_task(q.put("b"))
    print("await q.get()", await q.get())
    print("await q.get()", await q.get())


asyncio.run(main())
