# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_blocking_put
import asyncio


async def main():
    q = asyncio.Queue()
    # No maxsize, won't block.
    await q.put(1)
    print("await q.get()", await q.get())


asyncio.run(main())
