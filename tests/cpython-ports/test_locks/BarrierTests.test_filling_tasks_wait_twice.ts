// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_tasks_wait_twice
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
  const barrier = new Barrier(N);
  const results = [];

  async function coro() {
    await barrier.wait();
    results.push(true);
    await barrier.wait();
    results.push(false);
  }

  await gatherTasks(N, coro);
  print("len(results)", results.length, "True", results.filter((r) => r === true).length, "False", results.filter((r) => r === false).length);
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
