// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_task_by_task
import { run, sleep, print, createTask, wait, Barrier } from "asyncio";

async function main() {
  const n = 3;
  const barrier = new Barrier(n);
  const t1 = createTask(barrier.wait());
  await sleep(0);
  print("barrier.n_waiting", barrier.nWaiting, "filling in repr", String(barrier).includes("filling"));
  const t2 = createTask(barrier.wait());
  await sleep(0);
  print("barrier.n_waiting", barrier.nWaiting, "filling in repr", String(barrier).includes("filling"));
  const t3 = createTask(barrier.wait());
  await sleep(0);
  await wait([t1, t2, t3]);
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
