// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_when_tasks_half_draining_half_blocking
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
      // here catch still waiting tasks
      results1.push(true);
      // so now waiting again to reach nb_parties
      await barrier.wait();
      return;
    }
    count += 1;
    if (count > blockingTasks) {
      // reset now: raise asyncio.BrokenBarrierError for waiting tasks
      await barrier.reset();
      // so now waiting again to reach nb_parties
      await barrier.wait();
    } else {
      try {
        await barrier.wait();
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        // here no catch - blocked tasks go to wait
        results2.push(true);
      }
    }
  }

  await gatherTasks(N, coro);
  print("results1", results1);
  print("results2", results2);
  print("barrier.n_waiting", barrier.nWaiting);
  print("resetting in repr", String(barrier).includes("resetting"));
  print("barrier.broken", barrier.broken);
}

await run(main());
