// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_cancel_race
// repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import { run, sleep, print, createTask, createFuture, Lock } from "asyncio";

const extras = (x) => /\[(.*)\]>$/.exec(String(x))[1];

async function main() {
  // The test reads len(lock._waiters) (shown by repr) and lock._waiters[0].cancelled() (not ported).
  // Setup: A has the lock, b and c are waiting.
  const lock = new Lock();

  async function lockit(name, blocker) {
    await lock.acquire();
    try {
      if (blocker !== null) await blocker;
    } finally {
      lock.release();
    }
  }

  const fa = createFuture();
  const ta = createTask(lockit("A", fa));
  await sleep(0);
  print("lock.locked()", lock.locked());
  const tb = createTask(lockit("B", null));
  await sleep(0);
  print(extras(lock));
  const tc = createTask(lockit("C", null));
  await sleep(0);
  print(extras(lock));

  // Create the race and check.
  fa.setResult(null);
  tb.cancel();
  await sleep(0);
  print("lock.locked()", lock.locked());
  print("ta.done()", ta.done());
  print("tb.cancelled()", tb.cancelled());
  await tc;
  print("tc done");
}

await run(main());
