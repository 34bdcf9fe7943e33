// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, BarrierTests.test_filling_one_task
// `async with barrier as i:` is `const i = await barrier.wait()` (Barrier.__aenter__ waits, __aexit__ does nothing).
import { run, print, Barrier } from "asyncio";

async function main() {
  const barrier = new Barrier(1);

  async function f() {
    const i = await barrier.wait();
    return true;
  }

  const ret = await f();
  print("ret", ret);
  print("barrier.n_waiting", barrier.nWaiting);
  print("barrier.broken", barrier.broken);
}

await run(main());
