# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_shortcut
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(42)
    res = await asyncio.shield(fut)
    print("res", res)


asyncio.run(main())
