// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_bare_create_named_task
import { run, print, createTask } from "asyncio";

async function main() {
  async function coroNoop() {}

  async function coro() {
    const task = createTask(coroNoop(), { name: "No-op" });
    print("task.get_name()", task.name);
    await task;
  }

  await coro();
}

await run(main());
