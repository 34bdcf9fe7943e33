// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_awaited_task
import { run, sleep, print, createTask, createFuture, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  // This tests for a relatively rare condition when a task cancellation is requested for a task
  // which is not currently blocked, such as a task cancelling itself. In this situation we must
  // ensure that whatever next future or task the cancelled task blocks on is cancelled correctly
  // as well.  See also bpo-34872.
  let nestedTask = null;
  const fut = createFuture();

  async function nested() {
    await fut;
  }

  async function coro() {
    // Create a sub-task and wait for it to run.
    nestedTask = createTask(nested());
    await sleep(0);
    // Request the current task to be cancelled.
    task.cancel();
    // Block on the nested task, which should be immediately cancelled.
    await nestedTask;
  }

  const task = createTask(coro());
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("task.cancelled()", task.cancelled());
  print("nested_task.cancelled()", nestedTask.cancelled());
  print("fut.cancelled()", fut.cancelled());
}

await run(main());
