# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_taskgroup
import asyncio


async def main():
    # (The test also follows the __context__ chain: JavaScript has no implicit exception context.)
    async def task():
        try:
            await asyncio.sleep(2)  # Will be interrupted after 0.01 second
        finally:
            1/0  # Crash in cleanup

    try:
        async with asyncio.timeout(0.01):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(task())
                try:
                    raise ValueError
                finally:
                    await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print("raised", type(eg).__name__, "cause", eg.__cause__)
        print("len(eg.exceptions)", len(eg.exceptions))
        e1 = eg.exceptions[0]
        print("e1", type(e1).__name__, "cause", e1.__cause__)


asyncio.run(main())
