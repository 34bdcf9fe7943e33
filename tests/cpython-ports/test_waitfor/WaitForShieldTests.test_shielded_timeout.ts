// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, WaitForShieldTests.test_shielded_timeout
import { run, sleep, print, createTask, waitFor, shield, TimeoutError } from "asyncio";

async function main() {
  // shield prevents the task from being cancelled.
  async function coro() {
    await sleep(0.1);
    return "done";
  }

  const task = createTask(coro());
  try {
    await waitFor(shield(task), 0.01);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  print("task.done()", task.done());
  print("task.cancelled()", task.cancelled());
  print("await task", await task);
}

await run(main());
