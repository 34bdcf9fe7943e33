# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, SleepTests.test_sleep_zero
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

result = 0


def inc_result(num):
    global result
    result += num


async def coro():
    loop.call_soon(inc_result, 1)
    print("result", result)
    num = await asyncio.sleep(0, result=10)
    print("result", result)  # inc'ed by call_soon
    inc_result(num)  # num should be 11


loop.run_until_complete(coro())
print("result", result)
asyncio.set_event_loop(None)
loop.close()
