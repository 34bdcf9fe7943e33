# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_in_the_past_sleep_zero
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(-11) as cm:
            await asyncio.sleep(0)
    except TimeoutError as e:
        print("raised", type(e).__name__)
    t1 = loop.time()
    print("cm.expired()", cm.expired())
    print("t1 - t0 < 2", t1 - t0 < 2)
    print("t0 >= cm.when() <= t1", t0 >= cm.when() <= t1)


asyncio.run(main())
