# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_blocking_get_wait
# skip: waiting for the API (get_running_loop().call_later)
