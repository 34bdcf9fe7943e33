# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_blocking_put_wait
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    started = asyncio.Event()
    finished = False

    async def queue_put():
        nonlocal finished
        started.set()
        await q.put(1)
        await q.put(2)
        finished = True

    loop = asyncio.get_running_loop()
    loop.call_later(0.01, q.get_nowait)
    queue_put_task = asyncio.create_task(queue_put())
    await started.wait()
    print("finished", finished)
    await queue_put_task
    print("finished", finished)


asyncio.run(main())
