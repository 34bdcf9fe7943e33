// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_context_manager
// `async with barrier as i:` is `const i = await barrier.wait()` (Barrier.__aenter__ waits, __aexit__ does nothing).
import { run, print, createTask, gather, Barrier } from "asyncio";

const N = 5;

const makeTasks = (n, coro) => Array.from({ length: n }, () => createTask(coro()));

async function gatherTasks(n, coro) {
  const tasks = makeTasks(n, coro);
  const res = await gather(tasks);
  return [res, tasks];
}

async function main() {
  const n = 3;
  const barrier = new Barrier(n);
  const results = [];

  async function coro() {
    const i = await barrier.wait();
    results.push(i);
  }

  await gatherTasks(n, coro);
  print("sorted(results)", [...results].sort((a, b) => a - b));
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
