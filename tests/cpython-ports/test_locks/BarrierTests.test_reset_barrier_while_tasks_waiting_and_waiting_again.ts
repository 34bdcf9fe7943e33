// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_while_tasks_waiting_and_waiting_again
// `async with barrier as i:` is `const i = await barrier.wait()` (Barrier.__aenter__ waits, __aexit__ does nothing).
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
  const results1 = [];
  const results2 = [];

  async function coro1() {
    try {
      await barrier.wait();
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      results1.push(true);
    } finally {
      await barrier.wait();
      results2.push(true);
    }
  }

  async function coro2() {
    await barrier.wait();
    results2.push(true);
  }

  const tasks = makeTasks(N - 1, coro1);
  // reset barrier, N-1 waiting tasks raise an BrokenBarrierError
  createTask(barrier.reset());
  await sleep(0);
  // complete waiting tasks in the `finally`
  createTask(coro2());
  await gather(tasks);
  print("barrier.broken", barrier.broken);
  print("results1", results1);
  print("results2", results2);
  print("barrier.n_waiting", barrier.nWaiting);
}

await run(main());
