// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait
import { run, sleep, print, createTask, Condition } from "asyncio";

async function main() {
  // acquire() gives True in Python; in TypeScript, what releases the lock (truthy): printed as bool.
  const cond = new Condition();
  const result = [];

  async function c1(result) {
    await cond.acquire();
    if (await cond.wait()) result.push(1);
    return true;
  }

  async function c2(result) {
    await cond.acquire();
    if (await cond.wait()) result.push(2);
    return true;
  }

  async function c3(result) {
    await cond.acquire();
    if (await cond.wait()) result.push(3);
    return true;
  }

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  const t3 = createTask(c3(result));

  await sleep(0);
  print("result", result, "cond.locked()", cond.locked());

  print("await cond.acquire()", !!(await cond.acquire()));
  cond.notify();
  await sleep(0);
  print("result", result, "cond.locked()", cond.locked());

  cond.release();
  await sleep(0);
  print("result", result, "cond.locked()", cond.locked());

  cond.notify(2);
  await sleep(0);
  print("result", result, "cond.locked()", cond.locked());

  cond.release();
  await sleep(0);
  print("result", result, "cond.locked()", cond.locked());

  cond.release();
  await sleep(0);
  print("result", result, "cond.locked()", cond.locked());

  for (const t of [t1, t2, t3]) print("done, result", t.done(), t.result());
}

await run(main());
