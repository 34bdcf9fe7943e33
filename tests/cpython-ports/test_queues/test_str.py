# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueBasicTests.test_str
import asyncio


async def main():
    q = asyncio.Queue()
    print(str(q))

    # getters
    q = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        # Start a task that waits to get.
        getter = tg.create_task(q.get())
        # Let it start waiting.
        await asyncio.sleep(0)
        print(str(q))
        # resume q.get coroutine to finish generator
        q.put_nowait(0)
    print("await getter", await getter)

    # putters
    q = asyncio.Queue(maxsize=1)
    async with asyncio.TaskGroup() as tg:
        q.put_nowait(1)
        # Start a task that waits to put.
        putter = tg.create_task(q.put(2))
        # Let it start waiting.
        await asyncio.sleep(0)
        print(str(q))
        # resume q.put coroutine to finish generator
        q.get_nowait()
    print("putter.done()", putter.done())

    q = asyncio.Queue()
    q.put_nowait(1)
    print(str(q))


asyncio.run(main())
