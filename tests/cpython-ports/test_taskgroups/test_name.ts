// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_name
import { run, print, currentTask, TaskGroup } from "asyncio";

let name = null;

async function asyncfn() {
  name = currentTask().name;
}

async function main() {
  {
    await using tg = new TaskGroup();
    tg.createTask(asyncfn(), { name: "example name" });
  }
  print("name", name);
}

await run(main());
