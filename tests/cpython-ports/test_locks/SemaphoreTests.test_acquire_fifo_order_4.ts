// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_fifo_order_4
// The test reads sem._value and len(sem._waiters) (private): here what the repr shows in brackets
// ([locked, waiters:3]) is printed at those points instead.
import { run, sleep, print, createTask, gather, Semaphore } from "asyncio";

const extras = (x) => /\[(.*)\]>$/.exec(String(x))[1];

async function main() {
  // Test that a successful `acquire()` will wake up multiple Tasks
  // that were waiting in the Semaphore queue due to FIFO rules.
  const sem = new Semaphore(0);
  const result = [];
  let count = 0;

  async function c1(result) {
    // First task immediately waits for semaphore.  It will be awoken by c2.
    print("c1:", extras(sem));
    await sem.acquire();
    // We should have woken up all waiting tasks now.
    print("c1 acquired:", extras(sem));
    // Create a fourth task.  It should run after c3, not c2.
    t4 = createTask(c4(result));
    result.push(1);
    return true;
  }

  async function c2(result) {
    // The second task begins by releasing semaphore three times,
    // for c1, c2, and c3.
    sem.release();
    sem.release();
    sem.release();
    print("c2 released 3 times:", extras(sem));
    // It is locked, because c1 hasn't woken up yet.
    print("sem.locked()", sem.locked());
    await sem.acquire();
    result.push(2);
    return true;
  }

  async function c3(result) {
    await sem.acquire();
    print("c3: sem.locked()", sem.locked());
    result.push(3);
    return true;
  }

  async function c4(result) {
    result.push(4);
    return true;
  }

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  const t3 = createTask(c3(result));
  let t4 = null;

  await sleep(0);
  // Three tasks are in the queue, the first hasn't woken up yet.
  print("main:", extras(sem));
  await sleep(0);

  const tasks = [t1, t2, t3, t4];
  await gather(tasks);
  print("result", result);
}

await run(main());
