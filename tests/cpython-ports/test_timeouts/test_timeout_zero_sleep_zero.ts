// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_zero_sleep_zero
// loop.time() is perfCounter() on the virtual clock.
import { run, sleep, print, timeout, perfCounter, TimeoutError } from "asyncio";

async function main() {
  const t0 = perfCounter();
  let cm;
  try {
    await using t = timeout(0);
    cm = t;
    await sleep(0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  const t1 = perfCounter();
  print("cm.expired()", cm.expired());
  print("t1 - t0 < 2", t1 - t0 < 2);
  print("t0 <= cm.when() <= t1", t0 <= cm.when() && cm.when() <= t1);
}

await run(main());
