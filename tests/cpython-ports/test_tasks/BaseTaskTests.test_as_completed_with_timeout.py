# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_with_timeout
# The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
# Its test loop is moved on 0.02 s after a is done (loop.advance_time), which the timeout at 0.12
# does not depend on: not ported.
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    async def try_iterator():
        values = []
        for f in asyncio.as_completed([a, b], timeout=0.12):
            try:
                v = await f
                values.append((1, v))
            except asyncio.TimeoutError as exc:
                values.append((2, exc))
        return values

    async def try_async_iterator():
        values = []
        try:
            async for f in asyncio.as_completed([a, b], timeout=0.12):
                v = await f
                values.append((1, v))
        except asyncio.TimeoutError as exc:
            values.append((2, exc))
        return values

    for foo in try_iterator, try_async_iterator:
        print(foo.__name__)
        t0 = loop.time()
        a = loop.create_task(asyncio.sleep(0.1, 'a'))
        b = loop.create_task(asyncio.sleep(0.15, 'b'))

        res = await asyncio.create_task(foo())
        print("len(res)", len(res))
        print("res[0]", res[0][0], res[0][1])
        print("res[1][0]", res[1][0], "TimeoutError", isinstance(res[1][1], asyncio.TimeoutError))
        print("loop.time()", f"{loop.time() - t0:.2f}")

        # move forward to close generator
        await asyncio.wait([a, b])
        print("loop.time()", f"{loop.time() - t0:.2f}")


asyncio.run(main())
