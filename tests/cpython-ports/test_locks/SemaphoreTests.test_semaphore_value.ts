// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_semaphore_value
import { run, print, Semaphore } from "asyncio";

async function main() {
  try {
    new Semaphore(-1);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
