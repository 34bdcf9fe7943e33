// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_abort_barrier_when_exception
// `async with barrier as i:` is `const i = await barrier.wait()` (Barrier.__aenter__ waits, __aexit__ does nothing).
import { run, print, createTask, gather, Barrier, BrokenBarrierError, RuntimeError } from "asyncio";

const N = 5;

const makeTasks = (n, coro) => Array.from({ length: n }, () => createTask(coro()));

async function gatherTasks(n, coro) {
  const tasks = makeTasks(n, coro);
  const res = await gather(tasks);
  return [res, tasks];
}

async function main() {
  // test from threading.Barrier: see `lock_tests.test_reset`
  const barrier = new Barrier(N);
  const results1 = [];
  const results2 = [];

  async function coro() {
    try {
      const i = await barrier.wait();
      if (i === Math.floor(N / 2)) throw new RuntimeError();
      await barrier.wait();
      results1.push(true);
    } catch (e) {
      if (e instanceof BrokenBarrierError) results2.push(true);
      else if (e instanceof RuntimeError) await barrier.abort();
      else throw e;
    }
  }

  await gatherTasks(N, coro);
  print("barrier.broken", barrier.broken);
  print("results1", results1);
  print("results2", results2);
  print("barrier.n_waiting", barrier.nWaiting);
}

await run(main());
