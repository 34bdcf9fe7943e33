# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_asyncio_wait_for_cancelled
import asyncio
import time


class SlowTask:
    """Task will run for this defined time, ignoring cancel requests"""
    TASK_TIMEOUT = 0.2

    def __init__(self):
        self.exited = False

    async def run(self):
        exitat = time.monotonic() + self.TASK_TIMEOUT
        while True:
            tosleep = exitat - time.monotonic()
            if tosleep <= 0:
                break
            try:
                await asyncio.sleep(tosleep)
            except asyncio.CancelledError:
                pass
        self.exited = True


async def main():
    t = SlowTask()
    waitfortask = asyncio.create_task(asyncio.wait_for(t.run(), t.TASK_TIMEOUT * 2))
    await asyncio.sleep(0)
    waitfortask.cancel()
    await asyncio.wait({waitfortask})
    print("t.exited", t.exited)


asyncio.run(main())
