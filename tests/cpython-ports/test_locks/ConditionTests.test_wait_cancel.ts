// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_cancel
import { run, print, createTask, getRunningLoop, Condition, CancelledError } from "asyncio";

async function main() {
  const cond = new Condition();
  await cond.acquire();
  const wait = createTask(cond.wait());
  getRunningLoop().callSoon(() => wait.cancel());
  try {
    await wait;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  // (The test reads cond._waiters: repr shows the waiters.)
  print("waiters left", String(cond).includes("waiters"));
  print("cond.locked()", cond.locked());
}

await run(main());
