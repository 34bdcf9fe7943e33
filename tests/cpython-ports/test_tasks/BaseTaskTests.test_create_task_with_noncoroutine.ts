// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_create_task_with_noncoroutine
import { run, print, createTask } from "asyncio";

async function main() {
  for (let i = 0; i < 2; i++) {
    // the second time ensures that caching in asyncio.iscoroutine() does not break things
    try {
      createTask(123);
    } catch (e) {
      print("raised", e.name, e.message);
    }
  }
}

await run(main());
