# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_yield_future_passes_cancel
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    # Cancelling outer() cancels inner() cancels waiter.
    proof = 0
    waiter = asyncio.get_running_loop().create_future()

    async def inner():
        nonlocal proof
        try:
            await waiter
        except asyncio.CancelledError:
            proof += 1
            raise
        else:
            print("FAIL: got past sleep() in inner()")

    async def outer():
        nonlocal proof
        try:
            await inner()
        except asyncio.CancelledError:
            proof += 100  # Expect this path.
        else:
            proof += 10

    f = asyncio.ensure_future(outer())
    await asyncio.sleep(0)
    f.cancel()
    await f
    print("proof", proof)
    print("waiter.cancelled()", waiter.cancelled())


asyncio.run(main())
