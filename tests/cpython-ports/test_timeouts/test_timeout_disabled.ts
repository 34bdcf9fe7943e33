// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_disabled
// loop.time() is perfCounter() on the virtual clock.
import { run, sleep, print, timeout, perfCounter } from "asyncio";

async function main() {
  const t0 = perfCounter();
  let cm;
  {
    await using t = timeout(null);
    cm = t;
    await sleep(0.01);
  }
  const t1 = perfCounter();
  print("cm.expired()", cm.expired());
  print("cm.when()", cm.when());
  print("t1 - t0 < 2", t1 - t0 < 2);
}

await run(main());
