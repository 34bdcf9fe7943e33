// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_acquire
import { run, sleep, print, createTask, Lock } from "asyncio";

async function main() {
  // acquire() gives True in Python; in TypeScript, what releases the lock (truthy): printed as bool.
  const lock = new Lock();
  const result = [];
  print("await lock.acquire()", !!(await lock.acquire()));

  async function c1(result) {
    if (await lock.acquire()) result.push(1);
    return true;
  }

  async function c2(result) {
    if (await lock.acquire()) result.push(2);
    return true;
  }

  async function c3(result) {
    if (await lock.acquire()) result.push(3);
    return true;
  }

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  await sleep(0);
  print("result", result);
  lock.release();
  await sleep(0);
  print("result", result);
  await sleep(0);
  print("result", result);
  const t3 = createTask(c3(result));
  lock.release();
  await sleep(0);
  print("result", result);
  lock.release();
  await sleep(0);
  print("result", result);
  for (const t of [t1, t2, t3]) print("done, result", t.done(), t.result());
}

await run(main());
