// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_fifo_order_2
import { run, sleep, print, createTask, gather, Semaphore } from "asyncio";

async function main() {
  const sem = new Semaphore(1);
  const result = [];

  async function c1(result) {
    await sem.acquire();
    result.push(1);
    return true;
  }

  async function c2(result) {
    await sem.acquire();
    result.push(2);
    sem.release();
    await sem.acquire();
    result.push(4);
    return true;
  }

  async function c3(result) {
    await sem.acquire();
    result.push(3);
    return true;
  }

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  const t3 = createTask(c3(result));
  await sleep(0);
  sem.release();
  sem.release();
  const tasks = [t1, t2, t3];
  await gather(tasks);
  print("result", result);
}

await run(main());
