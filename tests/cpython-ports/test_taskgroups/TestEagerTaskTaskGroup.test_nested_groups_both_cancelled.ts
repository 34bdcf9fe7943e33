// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_nested_groups_both_cancelled
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, currentTask, TaskGroup, ExceptionGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class RuntimeError extends Error {
  name = "RuntimeError";
}

class ValueError extends Error {
  name = "ValueError";
}

async function raiseAfter(t, E) {
  await sleep(t);
  throw new E();
}

// except* E, for a group that holds only E's
const only = (e, E) => e instanceof ExceptionGroup && e.exceptions.every((x) => x instanceof E);

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  try {
    await using outerTg = new TaskGroup();
    try {
      await using innerTg = new TaskGroup();
      innerTg.createTask(raiseAfter(0, RuntimeError));
      outerTg.createTask(raiseAfter(0, ValueError));
    } catch (e) {
      if (!only(e, RuntimeError)) throw e;
      print("caught RuntimeError");
    }
    print("cancelling() inside", currentTask().cancelling());
  } catch (e) {
    if (!only(e, ValueError)) throw e;
    print("caught ValueError");
  }
  print("cancelling() after", currentTask().cancelling());
}

await run(main());
