# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_notify_all
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

    t1 = asyncio.create_task(c1(result))
    t2 = asyncio.create_task(c2(result))

    await asyncio.sleep(0)
    print("result", result)

    await cond.acquire()
    cond.notify_all()
    cond.release()
    await asyncio.sleep(0)
    print("result", result)

    for t in (t1, t2):
        print("done, result", t.done(), t.result())


asyncio.run(main())
