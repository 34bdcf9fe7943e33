# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_cancel_blocking_wait_for
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    async def blocking_coroutine():
        fut = loop.create_future()
        # Block: fut result is never set
        await fut

    task = asyncio.create_task(blocking_coroutine())
    wait = asyncio.create_task(asyncio.wait_for(task, None))
    loop.call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    # Python issue #23219: cancelling the wait must also cancel the task
    print("task.cancelled()", task.cancelled())


asyncio.run(main())
