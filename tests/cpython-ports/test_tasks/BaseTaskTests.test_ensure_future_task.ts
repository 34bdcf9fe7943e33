// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_task
// (The test's second half hands the task to another loop: the runtime runs one.)
import { run, print, createTask, ensureFuture } from "asyncio";

async function main() {
  async function notmuch() {
    return "ok";
  }
  const tOrig = createTask(notmuch());
  const t = ensureFuture(tOrig);
  await t;
  print("t.done()", t.done(), "t.result()", t.result(), "t is t_orig", t === tOrig);
}

await run(main());
