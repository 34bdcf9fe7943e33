// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_duplicate_coroutines
// The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
import { run, print, createTask, getRunningLoop, wait } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  async function coro(s) {
    return s;
  }

  const c = loop.createTask(coro("test"));
  const task = createTask(wait([c, c, loop.createTask(coro("spam"))]));
  const [done, pending] = await task;
  print("pending", pending);
  print("results", [...done].map((f) => f.result()).sort());
}

await run(main());
