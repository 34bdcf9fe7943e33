// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_cancel_contested
import { run, sleep, print, createTask, getRunningLoop, Condition, CancelledError } from "asyncio";

async function main() {
  const cond = new Condition();
  await cond.acquire();
  print("cond.locked()", cond.locked());
  const waitTask = createTask(cond.wait());
  await sleep(0);
  print("cond.locked()", cond.locked());
  // Notify, but contest the lock before cancelling
  await cond.acquire();
  print("cond.locked()", cond.locked());
  cond.notify();
  getRunningLoop().callSoon(() => waitTask.cancel());
  getRunningLoop().callSoon(() => cond.release());
  try {
    await waitTask;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    // Should not happen, since no cancellation points
    print("wait_task cancelled");
  }
  print("cond.locked()", cond.locked());
}

await run(main());
