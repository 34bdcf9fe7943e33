// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_with_unused_timeout
// The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator. Each
// run gives a's result, the timeout unused.
import { run, sleep, print, createTask, getRunningLoop, asCompleted } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  let a;

  async function tryIterator() {
    for (const f of asCompleted([a], { timeout: 1 })) {
      const v = await f;
      print("v", v);
    }
  }

  async function tryAsyncIterator() {
    for await (const f of asCompleted([a], { timeout: 1 })) {
      const v = await f;
      print("v", v);
    }
  }

  for (const [name, foo] of [["try_iterator", tryIterator], ["try_async_iterator", tryAsyncIterator]]) {
    print(name);
    a = sleep(0.01, "a");
    await createTask(foo());
    print("loop.time()", loop.time().toFixed(2));
  }
}

await run(main());
