// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_context_manager
import { run, print, Condition } from "asyncio";

async function main() {
  const cond = new Condition();
  print("cond.locked()", cond.locked());
  {
    await using _ = await cond.acquire();
    print("cond.locked()", cond.locked());
  }
  print("cond.locked()", cond.locked());
}

await run(main());
