# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_sleep
import asyncio


async def main():
    # The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
    # one pass of the loop is await asyncio.sleep(0).
    loop = asyncio.get_running_loop()

    async def sleeper(dt, arg):
        await asyncio.sleep(dt/2)
        res = await asyncio.sleep(dt/2, arg)
        return res

    t = asyncio.create_task(sleeper(0.1, "yeah"))
    await t
    print("t.done()", t.done())
    print("t.result()", t.result())
    print("loop.time()", f"{loop.time():.3f}")


asyncio.run(main())
