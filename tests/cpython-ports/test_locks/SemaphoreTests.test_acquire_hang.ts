// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_hang
import { run, sleep, print, createTask, Semaphore } from "asyncio";

async function main() {
  const sem = new Semaphore(0);
  const t1 = createTask(sem.acquire());
  const t2 = createTask(sem.acquire());
  await sleep(0);
  t1.cancel();
  sem.release();
  await sleep(0);
  await sleep(0);
  print("sem.locked()", sem.locked());
  print("t2.done()", t2.done());
}

await run(main());
