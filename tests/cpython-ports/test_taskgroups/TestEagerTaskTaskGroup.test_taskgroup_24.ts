// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_24
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

async function root(g) {
  await sleep(0.1);
  g.createTask(coro1(0.1));
  g.createTask(coro1(0.2));
}

async function coro1(delay) {
  await sleep(delay);
}

async function runner() {
  await using g = new TaskGroup();
  g.createTask(root(g));
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  await runner();
  // The test asserts nothing more than that the group ends.
  print("runner() returned");
}

await run(main());
