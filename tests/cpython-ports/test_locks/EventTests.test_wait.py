# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_wait
import asyncio


async def main():
    ev = asyncio.Event()
    print("ev.is_set()", ev.is_set())
    result = []

    async def c1(result):
        if await ev.wait():
            result.append(1)

    async def c2(result):
        if await ev.wait():
            result.append(2)

    async def c3(result):
        if await ev.wait():
            result.append(3)

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    await asyncio.sleep(0)
    print("result", result)
    t3 = asyncio.create_task(c3(result))
    ev.set()
    await asyncio.sleep(0)
    print("result", result)
    for t in (t1, t2, t3):
        print("done, result", t.done(), t.result())


asyncio.run(main())
