// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_awaits_on_itself
import { run, print, createTask } from "asyncio";

async function main() {
  // (The message ends with the task's repr, which names a source file: the test matches its start.)
  async function test() {
    await task;
  }

  const task = createTask(test()); // asyncio.ensure_future(coro) makes a task
  try {
    await task;
  } catch (e) {
    print("raised", e.name, e.message.startsWith("Task cannot await on itself"));
  }
}

await run(main());
