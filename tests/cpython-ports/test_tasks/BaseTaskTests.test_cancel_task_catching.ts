// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_task_catching
import { run, sleep, print, createTask, createFuture, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  // (The white-box asserts on t._fut_waiter are not ported.)
  const fut1 = createFuture();
  const fut2 = createFuture();

  async function task() {
    await fut1;
    try {
      await fut2;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      return 42;
    }
  }

  const t = createTask(task());
  await sleep(0);
  fut1.setResult(null);
  await sleep(0);
  t.cancel();
  print("fut2.cancelled()", fut2.cancelled());
  const res = await t;
  print("res", res);
  print("t.cancelled()", t.cancelled());
}

await run(main());
