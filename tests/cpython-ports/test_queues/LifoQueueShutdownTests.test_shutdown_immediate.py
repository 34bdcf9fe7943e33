# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, LifoQueueShutdownTests.test_shutdown_immediate
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
    # Test immediately shutting down a queue
    # Setup queue with 1 item, and a join() task
    q = asyncio.LifoQueue()
    loop = asyncio.get_running_loop()
    q.put_nowait("data")
    join_task = loop.create_task(q.join())
    # Perform shut-down
    q.shutdown(immediate=True)  # unfinished tasks: 1 -> 0
    print("q.qsize()", q.qsize())
    # Ensure join() task has successfully finished
    await asyncio.sleep(0)
    print("join_task.done()", join_task.done())
    await join_task
    # Ensure put() and get() raise ShutDown
    await raises_shutdown("q.put", q.put("data"))
    await raises_shutdown("q.put_nowait", call=lambda: q.put_nowait("data"))
    await raises_shutdown("q.get", q.get())
    await raises_shutdown("q.get_nowait", call=q.get_nowait)
    # Ensure there are no unfinished tasks
    try:
        q.task_done()
    except ValueError as e:
        print("q.task_done() raised", type(e).__name__, e)


asyncio.run(main())
