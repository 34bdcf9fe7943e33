// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_for_unacquired
import { run, print, Condition } from "asyncio";

async function main() {
  const cond = new Condition();
  // predicate can return true immediately
  const res = await cond.waitFor(() => [1, 2, 3]);
  print("res", res);
  try {
    await cond.waitFor(() => false);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
