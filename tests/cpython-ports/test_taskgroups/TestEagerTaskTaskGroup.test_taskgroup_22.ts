// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_22
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, TaskGroup, CancelledError, getRunningLoop, eagerTaskFactory } from "asyncio";

async function foo1() {
  await sleep(1);
  return 42;
}

async function foo2() {
  await sleep(2);
  return 11;
}

async function runner() {
  await using g = new TaskGroup();
  g.createTask(foo1());
  g.createTask(foo2());
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const r = createTask(runner());
  await sleep(0.05);
  r.cancel();
  try {
    await r;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
}

await run(main());
