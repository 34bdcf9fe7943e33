// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_cancel_release_race
import { run, sleep, print, createTask, getRunningLoop, Lock, CancelledError } from "asyncio";

async function main() {
  // Issue 32734
  // Acquire 4 locks, cancel second, release first
  // and 2 locks are taken at once.
  const loop = getRunningLoop();
  const lock = new Lock();
  let lockCount = 0;
  let callCount = 0;

  async function lockit() {
    callCount += 1;
    await lock.acquire();
    lockCount += 1;
  }

  function trigger() {
    t1.cancel();
    lock.release();
  }

  await lock.acquire();
  const t1 = createTask(lockit());
  const t2 = createTask(lockit());
  const t3 = createTask(lockit());
  // Start scheduled tasks
  await sleep(0);
  loop.callSoon(trigger);
  try {
    // Wait for cancellation
    await t1;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  // Make sure only one lock was taken
  print("lock_count", lockCount);
  // While 3 calls were made to lockit()
  print("call_count", callCount);
  print("t1.cancelled() and t2.done()", t1.cancelled() && t2.done());
  // Cleanup the task that is stuck on acquire.
  t3.cancel();
  await sleep(0);
  print("t3.cancelled()", t3.cancelled());
}

await run(main());
