// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_abort_barrier_when_tasks_half_draining_half_blocking
import { run, print, createTask, gather, Barrier, BrokenBarrierError } from "asyncio";

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
  const blockingTasks = Math.floor(N / 2);
  let count = 0;

  async function coro() {
    try {
      await barrier.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      // here catch tasks waiting to drain
      results1.push(true);
      return;
    }
    count += 1;
    if (count > blockingTasks) {
      // abort now: raise asyncio.BrokenBarrierError for all tasks
      await barrier.abort();
    } else {
      try {
        await barrier.wait();
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        // here catch blocked tasks (already drained)
        results2.push(true);
      }
    }
  }

  await gatherTasks(N, coro);
  print("barrier.broken", barrier.broken);
  print("results1", results1);
  print("results2", results2);
  print("barrier.n_waiting", barrier.nWaiting);
  print("resetting in repr", String(barrier).includes("resetting"));
}

await run(main());
