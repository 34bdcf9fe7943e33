# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueShutdownTests.test_shutdown_empty
import asyncio


async def raises_shutdown(what, aw=None, call=None):
    try:
        if aw is not None:
            await aw
        else:
            call()
    except asyncio.QueueShutDown as e:
        print(what, "raised", type(e).__name__)
    else:
        print("FAIL:", what, "did not raise QueueShutDown")


async def main():
    # Test shutting down an empty queue
    # Setup empty queue, and join() and get() tasks
    q = asyncio.Queue()
    loop = asyncio.get_running_loop()
    get_task = loop.create_task(q.get())
    await asyncio.sleep(0)  # want get task pending before shutdown
    # Perform shut-down
    q.shutdown(immediate=False)  # unfinished tasks: 0 -> 0
    print("q.qsize()", q.qsize())
    # Ensure join() task successfully finishes
    await q.join()
    # Ensure get() task is finished, and raised ShutDown
    await asyncio.sleep(0)
    print("get_task.done()", get_task.done())
    await raises_shutdown("await get_task", get_task)
    # Ensure put() and get() raise ShutDown
    await raises_shutdown("q.put", q.put("data"))
    await raises_shutdown("q.put_nowait", call=lambda: q.put_nowait("data"))
    await raises_shutdown("q.get", q.get())
    await raises_shutdown("q.get_nowait", call=q.get_nowait)


asyncio.run(main())
