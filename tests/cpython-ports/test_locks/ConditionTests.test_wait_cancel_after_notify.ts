// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_cancel_after_notify
import { run, sleep, print, createTask, Condition } from "asyncio";

async function main() {
  // See bpo-32841
  let waited = false;
  const cond = new Condition();

  async function waitOnCond() {
    await using _ = await cond.acquire();
    waited = true; // Make sure this area was reached
    await cond.wait();
  }

  const waiter = createTask(waitOnCond());
  await sleep(0); // Start waiting
  await cond.acquire();
  cond.notify();
  await sleep(0); // Get to acquire()
  waiter.cancel();
  await sleep(0); // Activate cancellation
  cond.release();
  await sleep(0); // Cancellation should occur
  print("waiter.cancelled()", waiter.cancelled());
  print("waited", waited);
}

await run(main());
