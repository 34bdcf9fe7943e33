// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, WaitForShieldTests.test_none_timeout
import { run, sleep, print, createTask, waitFor, shield } from "asyncio";

async function main() {
  // With timeout=None the timeout is disabled so it runs till completion.
  async function coro() {
    await sleep(0.1);
    return "done";
  }

  const task = createTask(coro());
  await waitFor(shield(task), null);
  print("task.done()", task.done());
  print("await task", await task);
}

await run(main());
