# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_result
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    inner = asyncio.get_running_loop().create_future()
    outer = asyncio.shield(inner)
    inner.set_result(42)
    res = await outer
    print("res", res)


asyncio.run(main())
