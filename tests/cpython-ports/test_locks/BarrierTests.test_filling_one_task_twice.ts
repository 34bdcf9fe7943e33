// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_one_task_twice
import { run, sleep, print, createTask, Barrier } from "asyncio";

async function main() {
  const barrier = new Barrier(1);
  const t1 = createTask(barrier.wait());
  await sleep(0);
  print("barrier.n_waiting", barrier.nWaiting);
  const t2 = createTask(barrier.wait());
  await sleep(0);
  print("t1.result() == t2.result()", t1.result() === t2.result());
  print("t1.done() == t2.done()", t1.done() === t2.done());
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
