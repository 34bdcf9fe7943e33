// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_self_cancellation
import { run, sleep, print, createTask, waitFor, CancelledError } from "asyncio";

async function inner() {
  try {
    await sleep(0.3);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    try {
      await sleep(0.3);
    } catch (e2) {
      if (!(e2 instanceof CancelledError)) throw e2;
      await sleep(0.3);
    }
  }
  return 42;
}

async function main() {
  const innerTask = createTask(inner());
  const wait = waitFor(innerTask, 0.1);
  // Test that wait_for itself is properly cancellable
  // even when the initial task holds up the initial cancellation.
  const task = createTask(wait);
  await sleep(0.2);
  task.cancel();
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("await inner_task", await innerTask);
}

await run(main());
