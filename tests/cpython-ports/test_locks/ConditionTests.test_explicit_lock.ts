// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_explicit_lock
import { run, print, Condition, Lock } from "asyncio";

async function main() {
  async function f(lock = null, cond = null) {
    if (lock === null) lock = new Lock();
    if (cond === null) cond = new Condition(lock);
    // (The test also checks cond._lock is lock.)
    print("locked", lock.locked(), cond.locked());
    {
      await using _ = await cond.acquire();
      print("locked", lock.locked(), cond.locked());
    }
    print("locked", lock.locked(), cond.locked());
    {
      await using _ = await lock.acquire();
      print("locked", lock.locked(), cond.locked());
    }
    print("locked", lock.locked(), cond.locked());
  }

  // All should work in the same way.
  await f();
  await f(new Lock());
  const lock = new Lock();
  await f(lock, new Condition(lock));
}

await run(main());
