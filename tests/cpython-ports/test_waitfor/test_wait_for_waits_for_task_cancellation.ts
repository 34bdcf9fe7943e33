// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_waits_for_task_cancellation
// (The test also checks the TimeoutError's __context__, a CancelledError: JavaScript has no
// implicit exception context, so that is not printed.)
import { run, sleep, print, createTask, waitFor, TimeoutError, CancelledError } from "asyncio";

const _EPSILON = 0.0001;
let taskDone = false;

async function inner() {
  try {
    await sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) await sleep(_EPSILON);
    throw e;
  } finally {
    taskDone = true;
  }
}

async function main() {
  const innerTask = createTask(inner());
  try {
    await waitFor(innerTask, _EPSILON);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  print("task_done", taskDone);
}

await run(main());
