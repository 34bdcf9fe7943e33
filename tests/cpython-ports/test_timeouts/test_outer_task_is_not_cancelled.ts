// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_outer_task_is_not_cancelled
import { run, sleep, print, createTask, timeout, TimeoutError } from "asyncio";

async function outer() {
  try {
    await using _ = timeout(0.001);
    await sleep(10);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
}

async function main() {
  const task = createTask(outer());
  await task;
  print("task.cancelled()", task.cancelled());
  print("task.done()", task.done());
}

await run(main());
