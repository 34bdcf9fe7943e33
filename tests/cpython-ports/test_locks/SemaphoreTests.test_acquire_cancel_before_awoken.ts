// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_cancel_before_awoken
import { run, sleep, print, createTask, Semaphore } from "asyncio";

async function main() {
  const sem = new Semaphore(0);
  const t1 = createTask(sem.acquire());
  const t2 = createTask(sem.acquire());
  const t3 = createTask(sem.acquire());
  const t4 = createTask(sem.acquire());
  await sleep(0);
  t1.cancel();
  t2.cancel();
  sem.release();
  await sleep(0);
  await sleep(0);
  const numDone = [t3, t4].filter((t) => t.done()).length;
  print("num_done", numDone);
  print("t3.done()", t3.done());
  print("t4.done()", t4.done());
  t3.cancel();
  t4.cancel();
  await sleep(0);
}

await run(main());
