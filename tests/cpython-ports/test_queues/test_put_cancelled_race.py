# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_put_cancelled_race
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    put_a = asyncio.create_task(q.put("a"))
    put_b = asyncio.create_task(q.put("b"))
    put_c = asyncio.create_task(q.put("X"))
    await asyncio.sleep(0)
    print("put_a.done()", put_a.done())
    print("put_b.done()", put_b.done())
    put_c.cancel()
    await asyncio.sleep(0)
    print("put_c.done()", put_c.done())
    print("q.get_nowait()", q.get_nowait())
    await asyncio.sleep(0)
    print("q.get_nowait()", q.get_nowait())
    await put_b


asyncio.run(main())
