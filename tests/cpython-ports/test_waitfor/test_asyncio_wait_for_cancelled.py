# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_asyncio_wait_for_cancelled
# skip: waiting for the API (wait)
