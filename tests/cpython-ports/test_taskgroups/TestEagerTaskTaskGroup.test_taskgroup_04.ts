// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_04
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, TaskGroup, CancelledError, getRunningLoop, eagerTaskFactory } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

let NUM = 0;
let t2_cancel = false;
let t2;

async function foo1() {
  await sleep(0.1);
  throw new ZeroDivisionError("division by zero");
}

async function foo2() {
  try {
    await sleep(1);
  } catch (e) {
    if (e instanceof CancelledError) t2_cancel = true;
    throw e;
  }
  NUM += 1;
}

async function runner() {
  {
    await using g = new TaskGroup();
    g.createTask(foo1());
    t2 = g.createTask(foo2());
  }
  NUM += 10;
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  try {
    await createTask(runner());
  } catch (e) {
    print("raised", e.name, e.exceptions.map((x) => x.name).sort());
  }
  print("NUM", NUM);
  print("t2_cancel", t2_cancel);
  print("t2.cancelled()", t2.cancelled());
}

await run(main());
