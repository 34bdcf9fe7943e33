// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_abort_barrier
import { run, sleep, print, createTask, Barrier } from "asyncio";

async function main() {
  const barrier = new Barrier(1);
  createTask(barrier.abort());
  await sleep(0);
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
