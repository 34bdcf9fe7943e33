// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_acquire_cancel
import { run, print, createTask, getRunningLoop, Lock, CancelledError } from "asyncio";

async function main() {
  // acquire() gives True in Python; in TypeScript, what releases the lock (truthy): printed as bool.
  const lock = new Lock();
  print("await lock.acquire()", !!(await lock.acquire()));
  const task = createTask(lock.acquire());
  getRunningLoop().callSoon(() => task.cancel());
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("waiters left", String(lock).includes("waiters"));
}

await run(main());
