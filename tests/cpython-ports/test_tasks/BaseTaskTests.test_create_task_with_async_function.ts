// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_create_task_with_async_function
import { run, print, createTask } from "asyncio";

async function main() {
  async function coro() {}

  for (let i = 0; i < 2; i++) {
    // the second time ensures that caching in asyncio.iscoroutine() does not break things
    const task = createTask(coro());
    print("isinstance Task", typeof task.cancel === "function" && typeof task.cancelling === "function");
    await task;
    print("task.done()", task.done());
  }
}

await run(main());
