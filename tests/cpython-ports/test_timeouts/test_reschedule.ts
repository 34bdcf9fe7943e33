// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_reschedule
import { run, sleep, print, createTask, getRunningLoop, timeoutAt, CancelledError } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture();
  const deadline1 = loop.time() + 10;
  const deadline2 = deadline1 + 20;

  async function f() {
    await using cm = timeoutAt(deadline1);
    fut.setResult(cm);
    await sleep(50);
  }

  const task = createTask(f());
  const cm = await fut;
  print("cm.when() == deadline1", cm.when() === deadline1);
  cm.reschedule(deadline2);
  print("cm.when() == deadline2", cm.when() === deadline2);
  cm.reschedule(null);
  print("cm.when()", cm.when());
  task.cancel();
  try {
    await task;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("cm.expired()", cm.expired());
}

await run(main());
