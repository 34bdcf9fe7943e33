// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_task_name
import { run, sleep, print, TaskGroup } from "asyncio";

async function coro() {
  await sleep(0);
}

async function main() {
  await using g = new TaskGroup();
  const t = g.createTask(coro(), { name: "yolo" });
  print("t.get_name()", t.name);
}

await run(main());
