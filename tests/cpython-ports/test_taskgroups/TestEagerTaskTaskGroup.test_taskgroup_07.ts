// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_07
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, TaskGroup, CancelledError, getRunningLoop, eagerTaskFactory } from "asyncio";

let NUM = 0;

async function foo() {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) NUM += 1;
    throw e;
  }
}

async function runner() {
  await using g = new TaskGroup();
  for (let i = 0; i < 5; i++) g.createTask(foo());
  try {
    await sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) NUM += 10;
    throw e;
  }
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
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("NUM", NUM);
}

await run(main());
