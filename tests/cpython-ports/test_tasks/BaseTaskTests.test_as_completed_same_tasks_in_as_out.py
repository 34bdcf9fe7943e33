# Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_same_tasks_in_as_out
import asyncio


async def main():
    # Ensures that asynchronously iterating as_completed's iterator
    # yields awaitables are the same awaitables that were passed in when
    # those awaitables are futures.
    loop = asyncio.get_running_loop()

    async def try_async_iterator(awaitables):
        awaitables_out = set()
        async for out_aw in asyncio.as_completed(awaitables):
            awaitables_out.add(out_aw)
        return awaitables_out

    async def coro(i):
        return i

    # Coroutines shouldn't be yielded back as finished coroutines
    # can't be re-used.
    awaitables_in = frozenset(
        (coro(0), coro(1), coro(2), coro(3))
    )
    awaitables_out = await try_async_iterator(awaitables_in)
    print("no coroutine out", awaitables_in - awaitables_out == awaitables_in)

    # Tasks should be yielded back.
    coro_obj_a = coro('a')
    task_b = loop.create_task(coro('b'))
    coro_obj_c = coro('c')
    task_d = loop.create_task(coro('d'))
    awaitables_in = frozenset(
        (coro_obj_a, task_b, coro_obj_c, task_d)
    )
    awaitables_out = await try_async_iterator(awaitables_in)
    print("only the tasks out as-is", awaitables_in & awaitables_out == {task_b, task_d})
    print("len(awaitables_out)", len(awaitables_out))


asyncio.run(main())
