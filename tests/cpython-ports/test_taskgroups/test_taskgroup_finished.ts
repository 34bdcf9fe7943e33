// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_finished
// (The test also checks that the refused coroutine is closed, so that no "never awaited" warning is
// written: the harness does not compare warnings.)
import { run, sleep, print, TaskGroup } from "asyncio";

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
  await createTaskAfterTgFinish();
}

await run(main());
