// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancelling
import { run, sleep, print, createTask, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  async function task() {
    await sleep(10);
  }

  const t = createTask(task());
  print("t.cancelling()", t.cancelling());
  print("cancelling in repr", String(t).includes(" cancelling "));
  print("t.cancel()", t.cancel());
  print("t.cancelling()", t.cancelling());
  print("cancelling in repr", String(t).includes(" cancelling "));
  print("t.cancel()", t.cancel());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
}

await run(main());
