# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_cancelled_puts_not_being_held_in_self_putters
import asyncio


async def main():
    # The test reads len(queue._putters); str(queue) shows the putters (_putters[n]).
    # Full queue.
    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait(1)
    # Task waiting for space to put an item in the queue.
    put_task = asyncio.create_task(queue.put(1))
    await asyncio.sleep(0)
    print(str(queue))
    put_task.cancel()
    try:
        await put_task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print(str(queue))


asyncio.run(main())
