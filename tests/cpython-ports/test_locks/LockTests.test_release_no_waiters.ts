// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_release_no_waiters
import { run, print, Lock } from "asyncio";

async function main() {
  const lock = new Lock();
  await lock.acquire();
  print("lock.locked()", lock.locked());
  lock.release();
  print("lock.locked()", lock.locked());
}

await run(main());
