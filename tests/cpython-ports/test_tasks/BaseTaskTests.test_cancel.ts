// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel
// The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
// one pass of the loop is await sleep(0).
import { run, sleep, print, createTask, getRunningLoop, CancelledError } from "asyncio";

async function main() {
  const loop = getRunningLoop();

  async function task() {
    await sleep(10.0);
    return 12;
  }

  const t = createTask(task());
  loop.callSoon(() => t.cancel());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("t.done()", t.done(), "t.cancelled()", t.cancelled(), "t.cancel()", t.cancel());
}

await run(main());
