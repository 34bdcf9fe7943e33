// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_fifo_order
import { run, sleep, print, Semaphore, TaskGroup } from "asyncio";

async function main() {
  const sem = new Semaphore(1);
  const result = [];

  async function coro(tag) {
    await sem.acquire();
    result.push(`${tag}_1`);
    await sleep(0.01);
    sem.release();

    await sem.acquire();
    result.push(`${tag}_2`);
    await sleep(0.01);
    sem.release();
  }

  {
    await using tg = new TaskGroup();
    tg.createTask(coro("c1"));
    tg.createTask(coro("c2"));
    tg.createTask(coro("c3"));
  }
  print("result", result);
}

await run(main());
