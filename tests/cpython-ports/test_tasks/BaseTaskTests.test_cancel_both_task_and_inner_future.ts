// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_both_task_and_inner_future
import { run, sleep, print, createTask, createFuture, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  const f = createFuture();

  async function task() {
    await f;
    return 12;
  }

  const t = createTask(task());
  await sleep(0);
  f.cancel();
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("t.done()", t.done());
  print("f.cancelled()", f.cancelled());
  print("t.cancelled()", t.cancelled());
}

await run(main());
