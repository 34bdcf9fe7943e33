// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_blocking_tasks_while_draining
import { run, print, createTask, gather, Barrier } from "asyncio";

const N = 5;

const makeTasks = (n, coro) => Array.from({ length: n }, () => createTask(coro()));

async function gatherTasks(n, coro) {
  const tasks = makeTasks(n, coro);
  const res = await gather(tasks);
  return [res, tasks];
}

async function main() {
  const rewait = 2;
  const barrier = new Barrier(N);
  const barrierNowaiting = new Barrier(N - rewait);
  let rewaitN = rewait;

  async function coro() {
    // first time waiting
    await barrier.wait();
    // after waiting once for all tasks
    if (rewaitN > 0) {
      rewaitN -= 1;
      // wait again only for rewait tasks
      await barrier.wait();
    } else {
      // wait for end of draining state
      await barrierNowaiting.wait();
      // wait for other waiting tasks
      await barrier.wait();
    }
  }

  // a success means that barrier_nowaiting was waited for exactly N-rewait=3 times
  await gatherTasks(N, coro);
  print("gathered");
}

await run(main());
