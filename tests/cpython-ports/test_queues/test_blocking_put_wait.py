# Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_blocking_put_wait
# skip: waiting for the API (get_running_loop().call_later)
