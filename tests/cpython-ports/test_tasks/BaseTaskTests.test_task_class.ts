// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_class
import { run, print, createTask } from "asyncio";

async function main() {
  // (The test also checks the task's loop, and runs a second task on a second loop.)
  async function notmuch() {
    return "ok";
  }

  const t = createTask(notmuch());
  await t;
  print("t.done()", t.done());
  print("t.result()", t.result());
}

await run(main());
