// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_tasks_check_return_value
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
  const results1 = [];
  const results2 = [];

  async function coro() {
    await barrier.wait();
    results1.push(true);
    const i = await barrier.wait();
    results2.push(true);
    return i;
  }

  const [res] = await gatherTasks(N, coro);
  print("results1", results1);
  print("results2", results2);
  print("sorted(res)", [...res].sort((a, b) => a - b));
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
