# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_gather_shield
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    loop = asyncio.get_running_loop()
    child1 = loop.create_future()
    child2 = loop.create_future()
    inner1 = asyncio.shield(child1)
    inner2 = asyncio.shield(child2)
    parent = asyncio.gather(inner1, inner2)
    await asyncio.sleep(0)
    parent.cancel()
    # This should cancel inner1 and inner2 but bot child1 and child2.
    await asyncio.sleep(0)
    print("parent.exception() is a CancelledError", isinstance(parent.exception(), asyncio.CancelledError))
    print("inner1.cancelled()", inner1.cancelled())
    print("inner2.cancelled()", inner2.cancelled())
    print("child1.cancelled()", child1.cancelled(), "child2.cancelled()", child2.cancelled())
    child1.set_result(1)
    child2.set_result(2)
    await asyncio.sleep(0)


asyncio.run(main())
