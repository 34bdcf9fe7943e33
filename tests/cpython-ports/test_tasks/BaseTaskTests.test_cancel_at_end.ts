// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_at_end
import { run, print, createTask, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  // coroutine end right after task is cancelled
  // (The white-box asserts on t._must_cancel are not ported.)
  async function task() {
    t.cancel();
    return 12;
  }

  const t = createTask(task());
  print("t.cancelled()", t.cancelled());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("t.done()", t.done());
  print("t.cancelled()", t.cancelled());
  print("t.cancel()", t.cancel());
}

await run(main());
