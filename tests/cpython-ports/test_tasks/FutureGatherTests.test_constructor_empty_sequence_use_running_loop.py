# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_empty_sequence_use_running_loop
import asyncio


async def main():
    # (The white-box assert on fut._loop is not ported.)
    async def gather():
        return asyncio.gather()

    fut = await gather()
    print("isinstance Future", isinstance(fut, asyncio.Future))
    await asyncio.sleep(0)
    print("fut.done()", fut.done())
    print("fut.result()", fut.result())


asyncio.run(main())
