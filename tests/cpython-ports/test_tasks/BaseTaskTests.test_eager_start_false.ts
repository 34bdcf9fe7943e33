// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_eager_start_false
// (The test makes its task with the Task class under test: here createTask({ eagerStart: false }).)
import { run, print, createTask, currentTask } from "asyncio";

async function main() {
  let name = null;

  async function asyncfn() {
    name = currentTask().getName();
  }

  const t = createTask(asyncfn(), { eagerStart: false, name: "example" });
  print("t.done()", t.done(), "name", name);
  await t;
  print("name", name);
}

await run(main());
