// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_generator
// A generator expression is a generator function's iterator.
import { run, print, createTask, wait, ALL_COMPLETED } from "asyncio";

async function main() {
  async function func(a) {
    return a;
  }

  const tasks = (function* () {
    for (let i = 0; i < 10; i++) yield createTask(func(i));
  })();
  const [done, pending] = await wait(tasks, { returnWhen: ALL_COMPLETED });
  print("len(done)", done.size);
  print("len(pending)", pending.size);
}

await run(main());
