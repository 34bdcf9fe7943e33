// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_already_entered
import { run, print, TaskGroup } from "asyncio";

async function main() {
  const tg = new TaskGroup();
  await using _ = tg;
  try {
    await using _again = tg;
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
