// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_19
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class MyExc extends Error {
  name = "MyExc";
}

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function crashSoon() {
  await sleep(0.1);
  throw new ZeroDivisionError("division by zero");
}

async function nested() {
  try {
    await sleep(10);
  } finally {
    throw new MyExc();
  }
}

async function runner() {
  await using g = new TaskGroup();
  g.createTask(crashSoon());
  await nested();
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const r = createTask(runner());
  try {
    await r;
    print("ExceptionGroup was not raised");
  } catch (e) {
    print("raised", e.name, e.exceptions.map((x) => x.name).sort());
  }
}

await run(main());
