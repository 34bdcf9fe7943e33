// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed
// The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
// Its test loop jumps 0.14 s ahead once a and b are done (loop.advance_time); on the virtual clock
// c's sleep takes that time. a and b finish at the same instant, in an order the test leaves open.
import { run, sleep, print, createTask, getRunningLoop, asCompleted } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  let completed;

  async function sleeper(dt, x) {
    await sleep(dt);
    completed.add(x);
    return x;
  }

  async function tryIterator(awaitables) {
    const values = [];
    for (const f of asCompleted(awaitables)) values.push(await f);
    return values;
  }

  async function tryAsyncIterator(awaitables) {
    const values = [];
    for await (const f of asCompleted(awaitables)) values.push(await f);
    return values;
  }

  for (const [name, foo] of [["try_iterator", tryIterator], ["try_async_iterator", tryAsyncIterator]]) {
    print(name);
    completed = new Set();
    const t0 = loop.time();

    const a = sleeper(0.01, "a");
    const b = sleeper(0.01, "b");
    const c = sleeper(0.15, "c");

    const res = await createTask(foo([b, c, a]));
    print("loop.time()", (loop.time() - t0).toFixed(2));
    print("sorted(res[:2])", res.slice(0, 2).sort(), "res[2]", res[2]);
  }
}

await run(main());
