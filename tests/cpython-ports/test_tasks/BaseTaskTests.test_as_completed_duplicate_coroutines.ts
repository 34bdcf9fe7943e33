// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_duplicate_coroutines
// The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
import { run, print, createTask, asCompleted } from "asyncio";

async function main() {
  async function coro(s) {
    return s;
  }

  async function tryIterator() {
    const result = [];
    const c = coro("ham");
    for (const f of asCompleted([c, c, coro("spam")])) result.push(await f);
    return result;
  }

  async function tryAsyncIterator() {
    const result = [];
    const c = coro("ham");
    for await (const f of asCompleted([c, c, coro("spam")])) result.push(await f);
    return result;
  }

  for (const [name, runner] of [["try_iterator", tryIterator], ["try_async_iterator", tryAsyncIterator]]) {
    print(name);
    const fut = createTask(runner());
    await fut;
    const result = fut.result();
    print("sorted(set(result))", [...new Set(result)].sort(), "len(result)", result.length);
  }
}

await run(main());
