# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_cancel_sleeping_task
# The test drives its own loop (run_until_complete); here main() does, on the virtual clock.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    async def sleep(dt):
        await asyncio.sleep(dt)

    async def doit():
        sleeper = asyncio.create_task(sleep(5000))
        loop.call_later(0.1, sleeper.cancel)
        try:
            await sleeper
        except asyncio.CancelledError:
            return 'cancelled'
        else:
            return 'slept in'

    print("doit()", await doit())
    print("loop.time()", f"{loop.time():.2f}")


asyncio.run(main())
