// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_bare_create_task
import { run, print, createTask } from "asyncio";

async function main() {
  async function inner() {
    return 1;
  }

  async function coro() {
    const task = createTask(inner());
    print("isinstance Task", typeof task.cancel === "function" && typeof task.done === "function");
    const ret = await task;
    print("ret", ret);
  }

  await coro();
}

await run(main());
