# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, LifoQueueJoinTests.test_task_done
import asyncio


async def main():
    q = asyncio.LifoQueue()
    for i in range(100):
        q.put_nowait(i)

    accumulator = 0

    # Two workers get items from the queue and call task_done after each.
    # Join the queue and assert all items have been processed.
    running = True

    async def worker():
        nonlocal accumulator
        while running:
            item = await q.get()
            accumulator += item
            q.task_done()

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker())
                 for index in range(2)]
        await q.join()
        print("accumulator", accumulator, "sum(range(100))", sum(range(100)))
        # close running generators
        running = False
        for i in range(len(tasks)):
            q.put_nowait(0)


asyncio.run(main())
