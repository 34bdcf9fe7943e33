// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_cancel_wait_for
import { run, print, createTask, getRunningLoop, waitFor, CancelledError } from "asyncio";

async function main() {
  const loop = getRunningLoop();

  async function blockingCoroutine() {
    const fut = loop.createFuture();
    // Block: fut result is never set
    await fut;
  }

  const task = createTask(blockingCoroutine());
  const wait = createTask(waitFor(task, 60));
  loop.callSoon(() => wait.cancel());
  try {
    await wait;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  // Python issue #23219: cancelling the wait must also cancel the task
  print("task.cancelled()", task.cancelled());
}

await run(main());
