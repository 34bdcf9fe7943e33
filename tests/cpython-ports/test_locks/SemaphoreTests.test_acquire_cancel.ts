// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_cancel
import { run, print, createTask, getRunningLoop, Semaphore, CancelledError } from "asyncio";

async function main() {
  const sem = new Semaphore();
  await sem.acquire();
  const acquire = createTask(sem.acquire());
  getRunningLoop().callSoon(() => acquire.cancel());
  try {
    await acquire;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  // (The test: no waiter left, or every one done.)
  print("waiters left", String(sem).includes("waiters"));
}

await run(main());
