# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_already_entered
import asyncio


async def main():
    async with asyncio.timeout(0.01) as cm:
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print("raised", type(e).__name__, e)


asyncio.run(main())
