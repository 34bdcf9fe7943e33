# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_at_basic
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        deadline = loop.time() + 0.01
        async with asyncio.timeout_at(deadline) as cm:
            await asyncio.sleep(10)
    except TimeoutError as e:
        print("raised", type(e).__name__)
    print("cm.expired()", cm.expired())
    print("deadline == cm.when()", deadline == cm.when())


asyncio.run(main())
