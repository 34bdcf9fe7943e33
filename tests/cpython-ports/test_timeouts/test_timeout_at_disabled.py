# Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_at_disabled
# skip: waiting for the API (timeout_at, get_running_loop().time())
