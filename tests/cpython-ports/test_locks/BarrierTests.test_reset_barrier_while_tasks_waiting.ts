// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_while_tasks_waiting
import { run, sleep, print, createTask, gather, Barrier, BrokenBarrierError } from "asyncio";

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
    try {
      await barrier.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      results.push(true);
    }
  }

  async function coroReset() {
    await barrier.reset();
  }

  // N-1 tasks waiting on barrier with N parties
  const tasks = makeTasks(N - 1, coro);
  await sleep(0);
  // reset the barrier
  createTask(coroReset());
  await gather(tasks);
  print("results", results);
  print("barrier.n_waiting", barrier.nWaiting);
  print("resetting in repr", String(barrier).includes("resetting"));
  print("barrier.broken", barrier.broken);
}

await run(main());
