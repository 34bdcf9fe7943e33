# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_cancelled_put_silence_value_error_exception
import asyncio


async def main():
    # Full Queue.
    queue = asyncio.Queue(1)
    queue.put_nowait(1)
    # Task waiting for space to put a item in the queue.
    put_task = asyncio.create_task(queue.put(1))
    await asyncio.sleep(0)
    # get_nowait() remove the future of put_task from queue._putters.
    queue.get_nowait()
    # When canceled, queue.put is going to remove its future from
    # self._putters but it was removed previously by queue.get_nowait().
    put_task.cancel()
    # The ValueError exception triggered by queue._putters.remove(putter)
    # inside queue.put should be silenced.
    # If the ValueError is silenced we should catch a CancelledError.
    try:
        await put_task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)


asyncio.run(main())
