# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_uncancel_structured_blocks
# The test drives its own loop (run_until_complete); here main() does, on the virtual clock.
import asyncio
import sys


async def main():
    # This test recreates the following high-level structure using uncancel()::
    #
    #     async def make_request_with_timeout():
    #         try:
    #             async with asyncio.timeout(1):
    #                 # Structured block affected by the timeout:
    #                 await make_request()
    #                 await make_another_request()
    #         except TimeoutError:
    #             pass  # There was a timeout
    #         # Outer code not affected by the timeout:
    #         await unrelated_code()

    async def make_request_with_timeout(*, sleep: float, timeout: float):
        task = asyncio.current_task()
        loop = task.get_loop()

        timed_out = False
        structured_block_finished = False
        outer_code_reached = False

        def on_timeout():
            nonlocal timed_out
            timed_out = True
            task.cancel()

        timeout_handle = loop.call_later(timeout, on_timeout)
        try:
            try:
                # Structured block affected by the timeout
                await asyncio.sleep(sleep)
                structured_block_finished = True
            finally:
                timeout_handle.cancel()
                if (
                    timed_out
                    and task.uncancel() == 0
                    and type(sys.exception()) is asyncio.CancelledError
                ):
                    # (The test explains here the five rules of uncancellation.)
                    raise TimeoutError
        except TimeoutError:
            print("timed_out", timed_out)

        # Outer code not affected by the timeout:
        outer_code_reached = True
        await asyncio.sleep(0)
        return timed_out, structured_block_finished, outer_code_reached

    # Test which timed out.
    t1 = asyncio.create_task(make_request_with_timeout(sleep=10.0, timeout=0.1))
    timed_out, structured_block_finished, outer_code_reached = await t1
    print("timed_out", timed_out, "structured_block_finished", structured_block_finished,
          "outer_code_reached", outer_code_reached, "t1.cancelling()", t1.cancelling())

    # Test which did not time out.
    t2 = asyncio.create_task(make_request_with_timeout(sleep=0, timeout=10.0))
    timed_out, structured_block_finished, outer_code_reached = await t2
    print("timed_out", timed_out, "structured_block_finished", structured_block_finished,
          "outer_code_reached", outer_code_reached, "t2.cancelling()", t2.cancelling())


asyncio.run(main())
