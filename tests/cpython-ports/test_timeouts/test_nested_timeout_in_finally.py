# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeout_in_finally
# (The test also follows the __context__ chain: JavaScript has no implicit exception context.)
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            finally:
                try:
                    async with asyncio.timeout(0.01):
                        await asyncio.sleep(10)
                except TimeoutError as e:
                    print("inner raised", type(e).__name__, "cause", type(e.__cause__).__name__)
    except TimeoutError as e:
        print("outer raised", type(e).__name__, "cause", type(e.__cause__).__name__)


asyncio.run(main())
