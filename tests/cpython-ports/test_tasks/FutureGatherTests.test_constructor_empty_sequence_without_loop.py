# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_empty_sequence_without_loop
# Outside any loop (before asyncio.run), gather() raises.
import asyncio

try:
    asyncio.gather()
except RuntimeError as e:
    print("raised", type(e).__name__, "no current event loop" in str(e))


async def main():
    print("main")


asyncio.run(main())
