// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_with_timeout
// The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
// Its test loop is moved on 0.02 s after a is done (loop.advance_time), which the timeout at 0.12
// does not depend on: not ported.
import { run, sleep, print, createTask, getRunningLoop, asCompleted, wait, TimeoutError } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  let a, b;

  async function tryIterator() {
    const values = [];
    for (const f of asCompleted([a, b], { timeout: 0.12 })) {
      try {
        const v = await f;
        values.push([1, v]);
      } catch (exc) {
        if (!(exc instanceof TimeoutError)) throw exc;
        values.push([2, exc]);
      }
    }
    return values;
  }

  async function tryAsyncIterator() {
    const values = [];
    try {
      for await (const f of asCompleted([a, b], { timeout: 0.12 })) {
        const v = await f;
        values.push([1, v]);
      }
    } catch (exc) {
      if (!(exc instanceof TimeoutError)) throw exc;
      values.push([2, exc]);
    }
    return values;
  }

  for (const [name, foo] of [["try_iterator", tryIterator], ["try_async_iterator", tryAsyncIterator]]) {
    print(name);
    const t0 = loop.time();
    a = loop.createTask(sleep(0.1, "a"));
    b = loop.createTask(sleep(0.15, "b"));

    const res = await createTask(foo());
    print("len(res)", res.length);
    print("res[0]", res[0][0], res[0][1]);
    print("res[1][0]", res[1][0], "TimeoutError", res[1][1] instanceof TimeoutError);
    print("loop.time()", (loop.time() - t0).toFixed(2));

    // move forward to close generator
    await wait([a, b]);
    print("loop.time()", (loop.time() - t0).toFixed(2));
  }
}

await run(main());
