// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_concurrent
// The test runs twice (subTest): as_completed as a plain iterator, then as an async iterator.
import { run, sleep, print, getRunningLoop, asCompleted, wait, ensureFuture } from "asyncio";

async function main() {
  // Ensure that more than one future or coroutine yielded from
  // as_completed can be awaited concurrently.
  const loop = getRunningLoop();

  async function tryIterator(fs) {
    return [...asCompleted(fs)];
  }

  async function tryAsyncIterator(fs) {
    const futs = [];
    for await (const f of asCompleted(fs)) futs.push(f);
    return futs;
  }

  for (const [name, runner] of [["try_iterator", tryIterator], ["try_async_iterator", tryAsyncIterator]]) {
    print(name);
    const t0 = loop.time();
    const a = sleep(0.05, "a");
    const b = sleep(0.05, "b");
    const fs = new Set([a, b]);

    async function test() {
      const futs = await runner(fs);
      print("len(futs)", futs.length);
      const [done, pending] = await wait(futs.map((fut) => ensureFuture(fut)));
      print("results", [...done].map((f) => f.result()).sort());
    }

    await test();
    print("loop.time()", (loop.time() - t0).toFixed(2));
  }
}

await run(main());
