# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_cancelled_getters_not_being_held_in_self_getters
import asyncio


async def main():
    # The test reads len(queue._getters); str(queue) shows the getters (_getters[n]).
    queue = asyncio.Queue(maxsize=5)
    try:
        await asyncio.wait_for(queue.get(), 0.1)
    except TimeoutError as e:
        print("raised", type(e).__name__)
    print(str(queue))


asyncio.run(main())
