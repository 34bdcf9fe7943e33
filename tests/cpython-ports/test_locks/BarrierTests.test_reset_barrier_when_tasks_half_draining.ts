// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_when_tasks_half_draining
// The test reads barrier._count (private): the tasks still inside the barrier. A task that has
// passed it has left it with nothing in between, so _count is N minus the tasks that passed.
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
  const restOfTasks = Math.floor(N / 2);
  let passed = 0;

  async function coro() {
    try {
      await barrier.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      // catch here waiting tasks
      results1.push(true);
      return;
    }
    // here drained task outside the barrier
    passed += 1;
    if (restOfTasks === N - passed) {
      // tasks outside the barrier
      await barrier.reset();
    }
  }

  await gatherTasks(N, coro);
  print("results1", results1);
  print("barrier.n_waiting", barrier.nWaiting);
  print("resetting in repr", String(barrier).includes("resetting"));
  print("barrier.broken", barrier.broken);
}

await run(main());
