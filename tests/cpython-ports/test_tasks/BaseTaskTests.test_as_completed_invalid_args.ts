// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_invalid_args
// next(iterator) is iterator[Symbol.iterator]().next().
import { run, print, getRunningLoop, asCompleted } from "asyncio";

async function coroutineFunction() {}

async function main() {
  const loop = getRunningLoop();
  // as_completed() expects a list of futures, not a future instance
  // TypeError should be raised either on iterator construction or first
  // iteration

  // Plain iterator
  let fut = loop.createFuture();
  try {
    const iterator = asCompleted(fut);
    iterator[Symbol.iterator]().next();
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("future: raised", e.name);
  }
  let coro = coroutineFunction();
  try {
    const iterator = asCompleted(coro);
    iterator[Symbol.iterator]().next();
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("coroutine: raised", e.name);
  }
  coro.close();

  // Async iterator
  async function tryAsyncIterator(aw) {
    for await (const f of asCompleted(aw)) break;
  }

  fut = loop.createFuture();
  try {
    await tryAsyncIterator(fut);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("async, future: raised", e.name);
  }
  coro = coroutineFunction();
  try {
    await tryAsyncIterator(coro);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("async, coroutine: raised", e.name);
  }
  coro.close();
}

await run(main());
