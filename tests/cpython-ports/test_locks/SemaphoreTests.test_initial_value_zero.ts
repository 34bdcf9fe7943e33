// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_initial_value_zero
import { run, print, Semaphore } from "asyncio";

async function main() {
  const sem = new Semaphore(0);
  print("sem.locked()", sem.locked());
}

await run(main());
