// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_expired
import { run, sleep, print, timeout, TimeoutError } from "asyncio";

async function main() {
  let cm;
  try {
    await using t = timeout(0.01);
    cm = t;
    await sleep(1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  try {
    cm.reschedule(0.02);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
