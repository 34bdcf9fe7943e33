# Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_cancel_wait_for
# skip: waiting for the API (get_running_loop().call_soon)
