// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_16
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, TaskGroup, CancelledError, getRunningLoop, eagerTaskFactory } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function crashSoon() {
  await sleep(0.3);
  throw new ZeroDivisionError("division by zero");
}

async function nestedRunner() {
  await using g1 = new TaskGroup();
  g1.createTask(crashSoon());
  try {
    await sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) await sleep(0.5);
    throw e;
  }
}

async function runner() {
  const t = createTask(nestedRunner());
  await t;
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const r = createTask(runner());
  await sleep(0.1);
  print("r.done()", r.done());
  r.cancel();
  try {
    await r;
  } catch (e) {
    print("raised", e.name, e.exceptions.map((x) => x.name).sort());
  }
}

await run(main());
