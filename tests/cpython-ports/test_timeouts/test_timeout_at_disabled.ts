// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_at_disabled
import { run, sleep, print, timeoutAt } from "asyncio";

async function main() {
  let cm;
  {
    await using t = timeoutAt(null);
    cm = t;
    await sleep(0.01);
  }
  print("cm.expired()", cm.expired());
  print("cm.when()", cm.when());
}

await run(main());
