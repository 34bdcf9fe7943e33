# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_cancellation_broadcast
import asyncio


async def main():
    # Cancelling outer() cancels all children.
    proof = 0
    waiter = asyncio.get_running_loop().create_future()

    async def inner():
        nonlocal proof
        await waiter
        proof += 1

    child1 = asyncio.ensure_future(inner())
    child2 = asyncio.ensure_future(inner())
    gatherer = None

    async def outer():
        nonlocal proof, gatherer
        gatherer = asyncio.gather(child1, child2)
        await gatherer
        proof += 100

    f = asyncio.ensure_future(outer())
    await asyncio.sleep(0)
    print("f.cancel()", f.cancel())
    try:
        await f
    except asyncio.CancelledError as e:
        print("raised", type(e).__name__)
    print("gatherer.cancel()", gatherer.cancel())
    print("waiter.cancelled()", waiter.cancelled())
    print("child1.cancelled()", child1.cancelled())
    print("child2.cancelled()", child2.cancelled())
    await asyncio.sleep(0)
    print("proof", proof)


asyncio.run(main())
