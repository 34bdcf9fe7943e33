# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_with_message_then_future_result
# Each case ran on a loop of its own; here one after another in main(). (The innermost
# __context__ of the error, checked too, is not: JavaScript has no implicit exception context.)
import asyncio


async def main():
    # Test Future.result() after calling cancel() with a message.
    cases = [
        ((), ()),
        ((None,), ()),
        (('my message',), ('my message',)),
        # Non-string values should roundtrip.
        ((5,), (5,)),
    ]
    for cancel_args, expected_args in cases:
        print("subTest cancel_args", list(cancel_args))

        async def sleep():
            await asyncio.sleep(10)

        async def coro():
            task = asyncio.create_task(sleep())
            await asyncio.sleep(0)
            task.cancel(*cancel_args)
            done, pending = await asyncio.wait([task])
            task.result()

        task = asyncio.create_task(coro())
        try:
            await task
        except asyncio.CancelledError as exc:
            print("raised", type(exc).__name__, "args", list(exc.args), "expected", list(expected_args))


asyncio.run(main())
