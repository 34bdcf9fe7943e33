# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_cancel
import asyncio


async def main():
    cond = asyncio.Condition()
    await cond.acquire()
    wait = asyncio.create_task(cond.wait())
    asyncio.get_running_loop().call_soon(wait.cancel)
    try:
        await wait
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    # (The test reads cond._waiters: repr shows the waiters.)
    print("waiters left", "waiters" in repr(cond))
    print("cond.locked()", cond.locked())


asyncio.run(main())
