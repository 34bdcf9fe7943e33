// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_cancelled_error_wakeup
import { run, sleep, print, createTask, Condition, CancelledError } from "asyncio";

async function main() {
  // Test that a cancelled error, received when awaiting wakeup,
  // will be re-raised un-modified.
  let wake = false;
  let raised = null;
  const cond = new Condition();

  async function func() {
    await using _ = await cond.acquire();
    try {
      await cond.waitFor(() => wake);
      print("FAIL: CancelledError not raised");
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("func: raised", e.name);
      raised = e;
    }
    throw raised;
  }

  const task = createTask(func());
  await sleep(0);
  // Task is waiting on the condition, cancel it there.
  task.cancel("foo");
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name, "args", e.args);
    // We should have got the _same_ exception instance as the one
    // originally raised.
    print("e is raised", e === raised);
  }
}

await run(main());
