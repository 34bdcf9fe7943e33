# Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_coro_closed_when_tg_closed
import asyncio


async def run_coro_after_tg_closes():
    async with asyncio.TaskGroup() as tg:
        pass
    coro = asyncio.sleep(0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("raised", type(e).__name__, e)


async def main():
    await run_coro_after_tg_closes()


asyncio.run(main())
