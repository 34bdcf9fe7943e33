# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_wait_cancel
import asyncio


async def main():
    ev = asyncio.Event()
    wait = asyncio.create_task(ev.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("waiters left", "waiters" in repr(ev))


asyncio.run(main())
