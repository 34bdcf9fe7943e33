// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_09
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

let t1, t2;

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
  t1 = g.createTask(foo1());
  t2 = g.createTask(foo2());
    await sleep(0.1);
  throw new ZeroDivisionError("division by zero");
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  try {
    await runner();
    print("ExceptionGroup was not raised");
  } catch (e) {
    print("raised", e.name, e.exceptions.map((x) => x.name).sort());
  }
  print("t1.cancelled()", t1.cancelled());
  print("t2.cancelled()", t2.cancelled());
}

await run(main());
