// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_not_entered
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const tg = new TaskGroup();
  const coro = sleep(0);
  try {
    tg.createTask(coro);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
