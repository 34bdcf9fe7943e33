// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_repr
import { run, sleep, print, createTask, gather, Barrier } from "asyncio";

const N = 5;

async function main() {
  // (The test matches the whole repr with a regular expression: what follows its address is printed.)
  const extras = (x) => String(x).slice(String(x).indexOf("[") + 1);

  const barrier = new Barrier(N);
  print(extras(barrier));
  const waiters = [];

  async function wait(barrier) {
    await barrier.wait();
  }

  const incr = 2;
  for (let i = 0; i < incr; i++) waiters.push(createTask(wait(barrier)));
  await sleep(0);
  print(extras(barrier));

  // create missing waiters
  for (let i = 0, n = barrier.parties - barrier.nWaiting; i < n; i++) waiters.push(createTask(wait(barrier)));
  await sleep(0);
  print(extras(barrier));

  // add a part of waiters
  for (let i = 0; i < incr; i++) waiters.push(createTask(wait(barrier)));
  await sleep(0);
  // and reset
  await barrier.reset();
  print(extras(barrier));

  // add a part of waiters again
  for (let i = 0; i < incr; i++) waiters.push(createTask(wait(barrier)));
  await sleep(0);
  // and abort
  await barrier.abort();
  print(extras(barrier));
  print("barrier.broken", barrier.broken);

  // suppress unhandled exceptions
  await gather(waiters, { returnExceptions: true });
}

await run(main());
