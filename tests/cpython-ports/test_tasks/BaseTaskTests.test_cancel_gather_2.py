# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_gather_2
import asyncio


async def main():
    # Each case ran on a loop of its own; here one after another in main(). (The innermost
    # __context__ of the error, checked too, is not: JavaScript has no implicit exception context.)
    cases = [
        ((), ()),
        ((None,), ()),
        (("my message",), ("my message",)),
        # Non-string values should roundtrip.
        ((5,), (5,)),
    ]
    for cancel_args, expected_args in cases:
        print("subTest cancel_args", list(cancel_args))

        async def test():
            time = 0
            while True:
                time += 0.05
                await asyncio.gather(asyncio.sleep(0.05), return_exceptions=True)
                if time > 1:
                    return

        async def inner_main():
            qwe = asyncio.create_task(test())
            await asyncio.sleep(0.2)
            qwe.cancel(*cancel_args)
            await qwe

        try:
            await inner_main()
        except asyncio.CancelledError as exc:
            print("raised", type(exc).__name__, "args", list(exc.args), "expected", list(expected_args))
        else:
            print("FAIL: gather() does not propagate CancelledError raised by inner task to the gather() caller.")


asyncio.run(main())
