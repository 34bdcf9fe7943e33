// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_no_create_task_after_failure
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, TaskGroup, CancelledError, getRunningLoop, eagerTaskFactory } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function coro1() {
  await sleep(0.001);
  throw new ZeroDivisionError("division by zero");
}

async function coro2(g) {
  try {
    await sleep(1);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    try {
      g.createTask(coro1());
    } catch (e) {
      print("create_task raised", e.name, e.message);
    }
  }
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  try {
    await using g = new TaskGroup();
    g.createTask(coro1());
    g.createTask(coro2(g));
  } catch (e) {
    print("raised", e.name, e.exceptions.map((x) => x.name).sort());
  }
}

await run(main());
