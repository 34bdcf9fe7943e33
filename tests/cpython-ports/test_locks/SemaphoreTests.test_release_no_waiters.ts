// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_release_no_waiters
import { run, print, Semaphore } from "asyncio";

async function main() {
  const sem = new Semaphore();
  await sem.acquire();
  print("sem.locked()", sem.locked());
  sem.release();
  print("sem.locked()", sem.locked());
}

await run(main());
