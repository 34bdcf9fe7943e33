# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_get_cancelled_race
import asyncio


async def main():
    q = asyncio.Queue()
    t1 = asyncio.create_task(q.get())
    t2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    print("t1.done()", t1.done())
    await q.put("a")
    await asyncio.sleep(0)
    print("await t2", await t2)


asyncio.run(main())
