# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_waits_for_task_cancellation
# (The test also checks the TimeoutError's __context__, a CancelledError: JavaScript has no
# implicit exception context, so that is not printed.)
import asyncio

_EPSILON = 0.0001
task_done = False


async def inner():
    global task_done
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(_EPSILON)
        raise
    finally:
        task_done = True


async def main():
    inner_task = asyncio.create_task(inner())
    try:
        await asyncio.wait_for(inner_task, timeout=_EPSILON)
    except asyncio.TimeoutError as e:
        print("raised", type(e).__name__)
    print("task_done", task_done)


asyncio.run(main())
