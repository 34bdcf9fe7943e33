// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_release_not_acquired
import { run, print, BoundedSemaphore } from "asyncio";

async function main() {
  const sem = new BoundedSemaphore();
  try {
    sem.release();
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
