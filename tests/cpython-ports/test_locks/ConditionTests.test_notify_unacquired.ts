// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_notify_unacquired
import { run, print, Condition } from "asyncio";

async function main() {
  const cond = new Condition();
  try {
    cond.notify();
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
