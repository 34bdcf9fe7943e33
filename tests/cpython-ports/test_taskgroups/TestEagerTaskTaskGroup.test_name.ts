// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_name
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, print, currentTask, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

let name = null;

async function asyncfn() {
  name = currentTask().name;
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  {
    await using tg = new TaskGroup();
    tg.createTask(asyncfn(), { name: "example name" });
  }
  print("name", name);
}

await run(main());
