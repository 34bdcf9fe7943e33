// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire
// repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import { run, sleep, print, createTask, gather, Semaphore } from "asyncio";

const extras = (x) => /\[(.*)\]>$/.exec(String(x))[1];

async function main() {
  // The test reads sem._value and len(sem._waiters): repr shows them (the value while unlocked).
  // acquire() gives True in Python; in TypeScript, what releases it (truthy): printed as bool.
  const sem = new Semaphore(3);
  const result = [];
  print("await sem.acquire()", !!(await sem.acquire()));
  print("await sem.acquire()", !!(await sem.acquire()));
  print("sem.locked()", sem.locked());

  async function c1(result) {
    await sem.acquire();
    result.push(1);
    return true;
  }

  async function c2(result) {
    await sem.acquire();
    result.push(2);
    return true;
  }

  async function c3(result) {
    await sem.acquire();
    result.push(3);
    return true;
  }

  async function c4(result) {
    await sem.acquire();
    result.push(4);
    return true;
  }

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  const t3 = createTask(c3(result));
  await sleep(0);
  print("result", result);
  print("sem.locked()", sem.locked());
  print(extras(sem));
  const t4 = createTask(c4(result));
  sem.release();
  sem.release();
  print(extras(sem));
  await sleep(0);
  print("len(result)", result.length);
  print("sem.locked()", sem.locked());
  print(extras(sem));
  print("t1.done(), t1.result()", t1.done(), t1.result());
  const raceTasks = [t2, t3, t4];
  const doneTasks = raceTasks.filter((t) => t.done() && t.result());
  print("len(done_tasks)", doneTasks.length);
  // cleanup locked semaphore
  sem.release();
  await gather(raceTasks);
}

await run(main());
