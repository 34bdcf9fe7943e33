# Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_for
import asyncio


async def main():
    cond = asyncio.Condition()
    presult = False

    def predicate():
        return presult

    result = []

    async def c1(result):
        await cond.acquire()
        if await cond.wait_for(predicate):
            result.append(1)
            cond.release()
        return True

    t = asyncio.create_task(c1(result))
    await asyncio.sleep(0)
    print("result", result)

    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print("result", result)

    presult = True
    await cond.acquire()
    cond.notify()
    cond.release()
    await asyncio.sleep(0)
    print("result", result)
    print("t.done()", t.done(), "t.result()", t.result())


asyncio.run(main())
