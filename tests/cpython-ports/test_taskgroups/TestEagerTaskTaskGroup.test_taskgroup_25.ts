// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_25
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

let nhydras = 0;

async function hydra(g) {
  nhydras += 1;
  await sleep(0.01);
  g.createTask(hydra(g));
  g.createTask(hydra(g));
}

async function hercules() {
  while (nhydras < 10) await sleep(0.015);
  throw new ZeroDivisionError("division by zero");
}

async function runner() {
  await using g = new TaskGroup();
  g.createTask(hydra(g));
  g.createTask(hercules());
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  try {
    await runner();
  } catch (e) {
    print("raised", e.name, e.exceptions.map((x) => x.name).sort());
  }
  print("nhydras >= 10", nhydras >= 10);
  print("nhydras", nhydras);
}

await run(main());
