# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeouts
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    cancelled = False
    try:
        deadline = loop.time() + 0.01
        async with asyncio.timeout_at(deadline) as cm1:
            # Only the topmost context manager should raise TimeoutError
            try:
                async with asyncio.timeout_at(deadline) as cm2:
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                cancelled = True
                raise
    except TimeoutError as e:
        print("raised", type(e).__name__)
    print("cancelled", cancelled)
    print("cm1.expired()", cm1.expired())
    print("cm2.expired()", cm2.expired())


asyncio.run(main())
