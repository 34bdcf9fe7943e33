# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_put_cancelled
import asyncio


async def main():
    q = asyncio.Queue()

    async def queue_put():
        await q.put(1)
        return True

    t = asyncio.create_task(queue_put())
    print("await q.get()", await q.get())
    print("t.done()", t.done())
    print("t.result()", t.result())


asyncio.run(main())
