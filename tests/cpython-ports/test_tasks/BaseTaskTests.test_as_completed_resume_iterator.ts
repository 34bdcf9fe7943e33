// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_resume_iterator
// The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
import { run, print, asCompleted } from "asyncio";

async function main() {
  // Test that as_completed returns an iterator that can be resumed
  // the next time iteration is performed (i.e. if __iter__ is called
  // again)
  async function tryIterator(awaitables) {
    let iterations = 0;
    const iterator = asCompleted(awaitables);
    const collected = [];
    for (const f of iterator) {
      collected.push(await f);
      iterations += 1;
      if (iterations === 2) break;
    }
    print("len(collected)", collected.length);

    // Resume same iterator:
    for (const f of iterator) collected.push(await f);
    return collected;
  }

  async function tryAsyncIterator(awaitables) {
    let iterations = 0;
    const iterator = asCompleted(awaitables);
    const collected = [];
    for await (const f of iterator) {
      collected.push(await f);
      iterations += 1;
      if (iterations === 2) break;
    }
    print("len(collected)", collected.length);

    // Resume same iterator:
    for await (const f of iterator) collected.push(await f);
    return collected;
  }

  async function coro(i) {
    return i;
  }

  for (const [name, foo] of [["try_iterator", tryIterator], ["try_async_iterator", tryAsyncIterator]]) {
    print(name);
    const results = await foo([coro(0), coro(1), coro(2), coro(3)]);
    print("sorted(results)", [...results].sort((x, y) => x - y));
  }
}

await run(main());
