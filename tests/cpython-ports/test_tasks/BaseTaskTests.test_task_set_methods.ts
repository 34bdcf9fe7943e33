// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_set_methods
import { run, print, createTask } from "asyncio";

async function main() {
  class ValueError extends Error {
    name = "ValueError";
  }

  async function notmuch() {
    return "ko";
  }

  const gen = notmuch();
  const task = createTask(gen);
  try {
    task.setResult("ok");
  } catch (e) {
    print("raised", e.name, e.message);
  }
  try {
    task.setException(new ValueError());
  } catch (e) {
    print("raised", e.name, e.message);
  }
  print("await task", await task);
}

await run(main());
