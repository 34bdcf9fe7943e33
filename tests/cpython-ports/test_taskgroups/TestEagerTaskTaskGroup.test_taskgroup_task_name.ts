// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_task_name
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

async function coro() {
  await sleep(0);
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  await using g = new TaskGroup();
  const t = g.createTask(coro(), { name: "yolo" });
  print("t.get_name()", t.name);
}

await run(main());
