// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_abort_barrier_when_exception_then_resetting
import { run, print, createTask, gather, Barrier, BrokenBarrierError, RuntimeError } from "asyncio";

const N = 5;

const makeTasks = (n, coro) => Array.from({ length: n }, () => createTask(coro()));

async function gatherTasks(n, coro) {
  const tasks = makeTasks(n, coro);
  const res = await gather(tasks);
  return [res, tasks];
}

async function main() {
  // test from threading.Barrier: see `lock_tests.test_abort_and_reset`
  const barrier1 = new Barrier(N);
  const barrier2 = new Barrier(N);
  const results1 = [];
  const results2 = [];
  const results3 = [];

  async function coro() {
    try {
      const i = await barrier1.wait();
      if (i === Math.floor(N / 2)) throw new RuntimeError();
      await barrier1.wait();
      results1.push(true);
    } catch (e) {
      if (e instanceof BrokenBarrierError) results2.push(true);
      else if (e instanceof RuntimeError) await barrier1.abort();
      else throw e;
    }

    // Synchronize and reset the barrier.  Must synchronize first so
    // that everyone has left it when we reset, and after so that no
    // one enters it before the reset.
    const i = await barrier2.wait();
    if (i === Math.floor(N / 2)) await barrier1.reset();
    await barrier2.wait();
    await barrier1.wait();
    results3.push(true);
  }

  await gatherTasks(N, coro);
  print("barrier1.broken", barrier1.broken);
  print("results1", results1);
  print("results2", results2);
  print("results3", results3);
  print("barrier1.n_waiting", barrier1.nWaiting);
}

await run(main());
