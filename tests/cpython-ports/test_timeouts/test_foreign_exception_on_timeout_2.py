# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_foreign_exception_on_timeout_2
import asyncio


async def main():
    # (The test also follows the __context__ chain: JavaScript has no implicit exception context.)
    try:
        async with asyncio.timeout(0.01):
            try:
                try:
                    raise ValueError
                finally:
                    await asyncio.sleep(1)
            finally:
                try:
                    raise KeyError
                finally:
                    1/0
    except ZeroDivisionError as e:
        print("raised", type(e).__name__, "cause", e.__cause__)


asyncio.run(main())
