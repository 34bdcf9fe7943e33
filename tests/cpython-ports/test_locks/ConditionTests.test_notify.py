# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_notify
import asyncio


async def main():
    cond = asyncio.Condition()
    result = []

    async def c1(result):
        await cond.acquire()
        if await cond.wait():
            result.append(1)
            cond.release()
        return True

    async def c2(result):
        await cond.acquire()
        if await cond.wait():
            result.append(2)
            cond.release()
        return True

    async def c3(result):
        await cond.acquire()
        if await cond.wait():
            result.append(3)
            cond.release()
        return True

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))
    t3 = asyncio.create_task(c3(result))

    await asyncio.sleep(0)
    print("result", result)

    await cond.acquire()
    cond.notify(1)
    cond.release()
    await asyncio.sleep(0)
    print("result", result)

    await cond.acquire()
    cond.notify(1)
    cond.notify(2048)
    cond.release()
    await asyncio.sleep(0)
    print("result", result)

    for t in (t1, t2, t3):
        print("done, result", t.done(), t.result())


asyncio.run(main())
