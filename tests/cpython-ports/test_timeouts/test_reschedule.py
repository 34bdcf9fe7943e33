# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_reschedule
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    deadline1 = loop.time() + 10
    deadline2 = deadline1 + 20

    async def f():
        async with asyncio.timeout_at(deadline1) as cm:
            fut.set_result(cm)
            await asyncio.sleep(50)

    task = asyncio.create_task(f())
    cm = await fut
    print("cm.when() == deadline1", cm.when() == deadline1)
    cm.reschedule(deadline2)
    print("cm.when() == deadline2", cm.when() == deadline2)
    cm.reschedule(None)
    print("cm.when()", cm.when())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("cm.expired()", cm.expired())


asyncio.run(main())
