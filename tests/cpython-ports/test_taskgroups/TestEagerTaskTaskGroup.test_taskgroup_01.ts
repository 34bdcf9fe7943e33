// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_01
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

async function foo1() {
  await sleep(0.1);
  return 42;
}

async function foo2() {
  await sleep(0.2);
  return 11;
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  let t1, t2;
  {
    await using g = new TaskGroup();
    t1 = g.createTask(foo1());
    t2 = g.createTask(foo2());
  }
  print("t1.result()", t1.result());
  print("t2.result()", t2.result());
}

await run(main());
