# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueShutdownTests.test_shutdown_nonempty
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
    # Test shutting down a non-empty queue
    # Setup full queue with 1 item, and join() and put() tasks
    q = asyncio.PriorityQueue(maxsize=1)
    loop = asyncio.get_running_loop()
    q.put_nowait("data")
    join_task = loop.create_task(q.join())
    put_task = loop.create_task(q.put("data2"))
    # Ensure put() task is not finished
    await asyncio.sleep(0)
    print("put_task.done()", put_task.done())
    # Perform shut-down
    q.shutdown(immediate=False)  # unfinished tasks: 1 -> 1
    print("q.qsize()", q.qsize())
    # Ensure put() task is finished, and raised ShutDown
    await asyncio.sleep(0)
    print("put_task.done()", put_task.done())
    await raises_shutdown("await put_task", put_task)
    # Ensure get() succeeds on enqueued item
    print("await q.get()", await q.get())
    # Ensure join() task is not finished
    await asyncio.sleep(0)
    print("join_task.done()", join_task.done())
    # Ensure put() and get() raise ShutDown
    await raises_shutdown("q.put", q.put("data"))
    await raises_shutdown("q.put_nowait", call=lambda: q.put_nowait("data"))
    await raises_shutdown("q.get", q.get())
    await raises_shutdown("q.get_nowait", call=q.get_nowait)
    # Ensure there is 1 unfinished task, and join() task succeeds
    q.task_done()
    await asyncio.sleep(0)
    print("join_task.done()", join_task.done())
    await join_task
    try:
        q.task_done()
    except ValueError as e:
        print("q.task_done() raised", type(e).__name__, e)


asyncio.run(main())
