// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_reset_barrier_while_tasks_draining
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
  const results3 = [];
  let count = 0;

  async function coro() {
    const i = await barrier.wait();
    count += 1;
    if (count === N) {
      // last task exited from barrier
      await barrier.reset();
      // wait here to reach the `parties`
      await barrier.wait();
    } else {
      try {
        // second waiting
        await barrier.wait();
        // N-1 tasks here
        results1.push(true);
      } catch (e) {
        // never goes here
        results2.push(true);
      }
    }
    // Now, pass the barrier again
    // last wait, must be completed
    const k = await barrier.wait();
    results3.push(true);
  }

  await gatherTasks(N, coro);
  print("barrier.broken", barrier.broken);
  print("results1", results1);
  print("results2", results2);
  print("results3", results3);
  print("barrier.n_waiting", barrier.nWaiting);
}

await run(main());
