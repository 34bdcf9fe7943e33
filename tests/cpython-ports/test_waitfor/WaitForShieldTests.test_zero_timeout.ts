// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, WaitForShieldTests.test_zero_timeout
import { run, sleep, print, createTask, waitFor, shield, TimeoutError } from "asyncio";

async function main() {
  // `asyncio.shield` creates a new task which wraps the passed in awaitable and shields it from
  // cancellation so with timeout=0 the task returned by `asyncio.shield` aka shielded_task gets
  // cancelled immediately and the task wrapped by it is scheduled to run.
  async function coro() {
    await sleep(0.01);
    return "done";
  }

  const task = createTask(coro());
  let shieldedTask;
  try {
    shieldedTask = shield(task);
    await waitFor(shieldedTask, 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  // Task is running in background
  print("task.done()", task.done());
  print("task.cancelled()", task.cancelled());
  print("shielded_task.cancelled()", shieldedTask.cancelled());
  // Wait for the task to complete
  await sleep(0.1);
  print("task.done()", task.done());
}

await run(main());
