// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_cancel_waiter_future
import { run, sleep, print, createTask, createFuture, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  // (The white-box asserts on task._fut_waiter are not ported.)
  const fut = createFuture();

  async function coro() {
    await fut;
  }

  const task = createTask(coro());
  await sleep(0);
  task.cancel();
  await sleep(0);
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("fut.cancelled()", fut.cancelled());
}

await run(main());
