// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_current_task
import { run, print, createTask, currentTask } from "asyncio";

async function main() {
  // (current_task(loop=...) outside the loop is not ported: the runtime has no loop argument.)
  async function coro() {
    print("current_task() is task", currentTask() === task);
    print("current_task(None) is task", currentTask() === task);
    print("current_task() is task", currentTask() === task);
  }

  const task = createTask(coro());
  await task;
}

await run(main());
