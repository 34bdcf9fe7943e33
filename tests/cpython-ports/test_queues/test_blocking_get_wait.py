# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_blocking_get_wait
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    started = asyncio.Event()
    finished = False

    async def queue_get():
        nonlocal finished
        started.set()
        res = await q.get()
        finished = True
        return res

    queue_get_task = asyncio.create_task(queue_get())
    await started.wait()
    print("finished", finished)
    loop.call_later(0.01, q.put_nowait, 1)
    res = await queue_get_task
    print("finished", finished)
    print("res", res)


asyncio.run(main())
