// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_not_entered
import { run, sleep, print, TaskGroup } from "asyncio";

async function main() {
  const tg = new TaskGroup();
  const coro = sleep(0);
  try {
    tg.createTask(coro);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
