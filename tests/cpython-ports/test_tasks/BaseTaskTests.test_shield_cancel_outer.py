# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_cancel_outer
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    # (The white-box assert on outer._callbacks is not ported.)
    inner = asyncio.get_running_loop().create_future()
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    print("outer.cancelled()", outer.cancelled())
    print("inner.cancelled()", inner.cancelled())


asyncio.run(main())
