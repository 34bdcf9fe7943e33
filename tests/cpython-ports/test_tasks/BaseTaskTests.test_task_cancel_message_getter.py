# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_cancel_message_getter
import asyncio


async def main():
    # (The test also reads t._cancel_message, private.)
    async def coro():
        pass

    t = asyncio.create_task(coro())
    t.cancel("my message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__, "args[0]", e.args[0])


asyncio.run(main())
