// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_repr
import { run, print, Condition } from "asyncio";

async function main() {
  // (The test then appends mocks to cond._waiters: not ported. The address in the repr is not compared.)
  const cond = new Condition();
  print("unlocked in repr", String(cond).includes("unlocked"));
  await cond.acquire();
  print("locked in repr", String(cond).includes("locked"));
}

await run(main());
