// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_cancelling_level_preserved
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, currentTask, TaskGroup, ExceptionGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class RuntimeError extends Error {
  name = "RuntimeError";
}

async function raiseAfter(t, E) {
  await sleep(t);
  throw new E();
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  try {
    await using tg = new TaskGroup();
    tg.createTask(raiseAfter(0.0, RuntimeError));
  } catch (e) {
    // except* RuntimeError: the group holds only RuntimeErrors
    if (!(e instanceof ExceptionGroup && e.exceptions.every((x) => x instanceof RuntimeError))) throw e;
    print("caught RuntimeError");
  }
  print("cancelling()", currentTask().cancelling());
}

await run(main());
