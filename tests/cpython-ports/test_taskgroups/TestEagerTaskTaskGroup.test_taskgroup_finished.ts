// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_finished
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
// (The test also checks that the refused coroutine is closed, so that no "never awaited" warning is
// written: the harness does not compare warnings.)
import { run, sleep, print, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

async function createTaskAfterTgFinish() {
  let tg;
  {
    await using g = new TaskGroup();
    tg = g;
  }
  const coro = sleep(0);
  try {
    tg.createTask(coro);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  await createTaskAfterTgFinish();
}

await run(main());
