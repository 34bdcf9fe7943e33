// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_release_not_acquired
import { run, print, Lock } from "asyncio";

async function main() {
  const lock = new Lock();
  try {
    lock.release();
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
