# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_gather
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    loop = asyncio.get_running_loop()
    child1 = loop.create_future()
    child2 = loop.create_future()
    parent = asyncio.gather(child1, child2)
    outer = asyncio.shield(parent)
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    print("outer.cancelled()", outer.cancelled())
    child1.set_result(1)
    child2.set_result(2)
    await asyncio.sleep(0)
    print("parent.result()", parent.result())


asyncio.run(main())
