# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_yield_wait_does_not_shield_cancel
# The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
# one pass of the loop is await asyncio.sleep(0).
# (The test wraps the wait in assertWarns(DeprecationWarning), which the cancellation leaves
# before it checks anything: not ported.)
import asyncio


async def main():
    # Cancelling outer() makes wait() return early, leaves inner()
    # running.
    proof = 0
    waiter = asyncio.get_running_loop().create_future()

    async def inner():
        nonlocal proof
        await waiter
        proof += 1

    async def outer():
        nonlocal proof
        d, p = await asyncio.wait([asyncio.create_task(inner())])
        proof += 100

    f = asyncio.ensure_future(outer())
    await asyncio.sleep(0)
    f.cancel()
    try:
        await f
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    waiter.set_result(None)
    await asyncio.sleep(0)
    print("proof", proof)


asyncio.run(main())
