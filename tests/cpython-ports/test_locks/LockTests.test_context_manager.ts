// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_context_manager
import { run, print, Lock } from "asyncio";

async function main() {
  const lock = new Lock();
  print("lock.locked()", lock.locked());
  {
    await using _ = await lock.acquire();
    print("lock.locked()", lock.locked());
  }
  print("lock.locked()", lock.locked());
}

await run(main());
