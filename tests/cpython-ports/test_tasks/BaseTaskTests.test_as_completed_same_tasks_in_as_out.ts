// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_same_tasks_in_as_out
import { run, print, getRunningLoop, asCompleted } from "asyncio";

// Python's set operations on frozensets.
const minus = (s, t) => new Set([...s].filter((x) => !t.has(x)));
const and = (s, t) => new Set([...s].filter((x) => t.has(x)));
const setEq = (s, t) => s.size === t.size && [...s].every((x) => t.has(x));

async function main() {
  // Ensures that asynchronously iterating as_completed's iterator
  // yields awaitables are the same awaitables that were passed in when
  // those awaitables are futures.
  const loop = getRunningLoop();

  async function tryAsyncIterator(awaitables) {
    const awaitablesOut = new Set();
    for await (const outAw of asCompleted(awaitables)) awaitablesOut.add(outAw);
    return awaitablesOut;
  }

  async function coro(i) {
    return i;
  }

  // Coroutines shouldn't be yielded back as finished coroutines
  // can't be re-used.
  let awaitablesIn = new Set([coro(0), coro(1), coro(2), coro(3)]);
  let awaitablesOut = await tryAsyncIterator(awaitablesIn);
  print("no coroutine out", setEq(minus(awaitablesIn, awaitablesOut), awaitablesIn));

  // Tasks should be yielded back.
  const coroObjA = coro("a");
  const taskB = loop.createTask(coro("b"));
  const coroObjC = coro("c");
  const taskD = loop.createTask(coro("d"));
  awaitablesIn = new Set([coroObjA, taskB, coroObjC, taskD]);
  awaitablesOut = await tryAsyncIterator(awaitablesIn);
  print("only the tasks out as-is", setEq(and(awaitablesIn, awaitablesOut), new Set([taskB, taskD])));
  print("len(awaitables_out)", awaitablesOut.size);
}

await run(main());
