// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_unacquired
import { run, print, Condition } from "asyncio";

async function main() {
  const cond = new Condition();
  try {
    await cond.wait();
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
