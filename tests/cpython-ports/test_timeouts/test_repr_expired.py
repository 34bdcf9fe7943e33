# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_repr_expired
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(10)
    except TimeoutError as e:
        print("raised", type(e).__name__)
    print(repr(cm))


asyncio.run(main())
