// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_uncancel_resets_must_cancel
import { run, sleep, print, createTask, createFuture } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  // The test reads task._must_cancel; what it means shows in the end: the task returns 42.
  const fut = createFuture();

  async function coro() {
    await fut;
    return 42;
  }

  const task = createTask(coro());
  await sleep(0); // Get task waiting for fut
  fut.setResult(null); // Make task runnable
  task.cancel(); // Enter cancelled state
  print("task.cancelling()", task.cancelling());
  task.uncancel(); // Undo cancellation
  print("task.cancelling()", task.cancelling());
  const res = await task;
  print("res", res);
}

await run(main());
