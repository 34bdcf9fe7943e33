// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_08
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function foo() {
  try {
    await sleep(10);
  } finally {
    throw new ZeroDivisionError("division by zero");
  }
}

async function runner() {
  await using g = new TaskGroup();
  for (let i = 0; i < 5; i++) g.createTask(foo());
  await sleep(10);
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
