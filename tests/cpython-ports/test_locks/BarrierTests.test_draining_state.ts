// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_draining_state
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
    // barrier state change to filling for the last task release
    results.push(String(barrier).includes("draining"));
  }

  await gatherTasks(N, coro);
  print("results", results);
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
