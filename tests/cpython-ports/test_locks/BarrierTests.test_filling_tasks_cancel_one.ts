// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_tasks_cancel_one
import { run, sleep, print, createTask, gather, Barrier, CancelledError } from "asyncio";

async function main() {
  const n = 3;
  const barrier = new Barrier(n);
  const results = [];

  async function coro() {
    await barrier.wait();
    results.push(true);
  }

  const t1 = createTask(coro());
  await sleep(0);
  print("barrier.n_waiting", barrier.nWaiting);
  const t2 = createTask(coro());
  await sleep(0);
  print("barrier.n_waiting", barrier.nWaiting);
  t1.cancel();
  await sleep(0);
  print("barrier.n_waiting", barrier.nWaiting);
  try {
    await t1;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("t1.cancelled()", t1.cancelled());
  const t3 = createTask(coro());
  await sleep(0);
  print("barrier.n_waiting", barrier.nWaiting);
  const t4 = createTask(coro());
  await gather([t2, t3, t4]);
  print("results", results);
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
