// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_uncancel_basic
import { run, sleep, print, createTask, currentTask, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  async function task() {
    try {
      await sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      currentTask().uncancel();
      await sleep(10);
    }
  }

  const t = createTask(task());
  await sleep(0.01);

  // Cancel first sleep
  print("t.cancel()", t.cancel());
  print("cancelling in repr", String(t).includes(" cancelling "));
  print("t.cancelling()", t.cancelling());
  print("t.cancelled()", t.cancelled()); // Task is still not complete
  await sleep(0.01);

  // after .uncancel()
  print("cancelling in repr", String(t).includes(" cancelling "));
  print("t.cancelling()", t.cancelling());
  print("t.cancelled()", t.cancelled()); // Task is still not complete

  // Cancel second sleep
  print("t.cancel()", t.cancel());
  print("t.cancelling()", t.cancelling());
  print("t.cancelled()", t.cancelled()); // Task is still not complete
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("t.cancelled()", t.cancelled()); // Finally, task complete
  print("t.done()", t.done());

  // uncancel is no longer effective after the task is complete
  t.uncancel();
  print("t.cancelled()", t.cancelled());
  print("t.done()", t.done());
}

await run(main());
