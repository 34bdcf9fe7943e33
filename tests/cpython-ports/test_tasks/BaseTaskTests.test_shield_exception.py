# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_exception
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    inner = asyncio.get_running_loop().create_future()
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    exc = RuntimeError("expected")
    inner.set_exception(exc)
    await asyncio.sleep(0)
    print("outer.exception() is exc", outer.exception() is exc)


asyncio.run(main())
