// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_sleep
import { run, sleep, print, createTask, perfCounter } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  async function sleeper(dt, arg) {
    await sleep(dt / 2);
    const res = await sleep(dt / 2, arg);
    return res;
  }

  const t = createTask(sleeper(0.1, "yeah"));
  await t;
  print("t.done()", t.done());
  print("t.result()", t.result());
  print("loop.time()", perfCounter().toFixed(3));
}

await run(main());
