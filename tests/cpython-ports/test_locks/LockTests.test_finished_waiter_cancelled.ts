// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_finished_waiter_cancelled
// repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import { run, sleep, print, createTask, Lock } from "asyncio";

const extras = (x) => /\[(.*)\]>$/.exec(String(x))[1];

async function main() {
  // The test reads len(lock._waiters): repr shows it.
  const lock = new Lock();
  await lock.acquire();
  print("lock.locked()", lock.locked());
  const tb = createTask(lock.acquire());
  await sleep(0);
  print(extras(lock));
  // Create a second waiter, wake up the first, and cancel it.
  // Without the fix, the second was not woken up.
  const tc = createTask(lock.acquire());
  tb.cancel();
  lock.release();
  await sleep(0);
  print("lock.locked()", lock.locked());
  print("tb.cancelled()", tb.cancelled());
  // Cleanup
  await tc;
}

await run(main());
