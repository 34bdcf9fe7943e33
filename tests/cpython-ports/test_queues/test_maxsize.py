# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueBasicTests.test_maxsize
import asyncio


async def main():
    q = asyncio.Queue(maxsize=2)
    print("q.maxsize", q.maxsize)
    have_been_put = []

    async def putter():
        for i in range(3):
            await q.put(i)
            have_been_put.append(i)
        return True

    t = asyncio.create_task(putter())
    for i in range(2):
        await asyncio.sleep(0)
    # The putter is blocked after putting two items.
    print("have_been_put", have_been_put)
    print("await q.get()", await q.get())
    # Let the putter resume and put last item.
    await asyncio.sleep(0)
    print("have_been_put", have_been_put)
    print("await q.get()", await q.get())
    print("await q.get()", await q.get())
    print("t.done()", t.done())
    print("t.result()", t.result())


asyncio.run(main())
