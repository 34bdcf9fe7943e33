// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_issue86296
import { run, sleep, print, createTask, waitFor, CancelledError } from "asyncio";

async function main() {
  // GH-86296: The task should get cancelled and not run to completion.
  // inner completes in one cycle of the event loop so it
  // completes before the task is cancelled.
  async function inner() {
    return "done";
  }

  const innerTask = createTask(inner());
  let reachedEnd = false;

  async function waitForCoro() {
    await waitFor(innerTask, 100);
    await sleep(1);
    reachedEnd = true;
  }

  const task = createTask(waitForCoro());
  print("task.done()", task.done());
  // Run the task
  await sleep(0);
  task.cancel();
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("inner_task.done()", innerTask.done());
  print("await inner_task", await innerTask);
  print("reached_end", reachedEnd);
}

await run(main());
