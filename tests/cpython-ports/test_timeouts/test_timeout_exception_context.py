# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_exception_context
import asyncio


async def main():
    # (The test also follows the __context__ chain: JavaScript has no implicit exception context.)
    try:
        async with asyncio.timeout(0.01):
            try:
                1/0
            finally:
                await asyncio.sleep(1)
    except TimeoutError as e:
        print("raised", type(e).__name__)
        # Expect TimeoutError caused by CancelledError
        print("cause", type(e.__cause__).__name__, "its cause", e.__cause__.__cause__)


asyncio.run(main())
