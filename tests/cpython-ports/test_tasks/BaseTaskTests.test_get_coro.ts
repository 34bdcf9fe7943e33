// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_get_coro
import { run, print, createTask } from "asyncio";

async function coroutineFunction() {}

async function main() {
  const coro = coroutineFunction();
  const task = createTask(coro);
  await task;
  print("task.get_coro() is coro", task.getCoro() === coro);
}

await run(main());
