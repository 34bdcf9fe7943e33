// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_basic
import { run, sleep, print, timeout, TimeoutError } from "asyncio";

async function main() {
  let cm;
  try {
    await using t = timeout(0.01);
    cm = t;
    await sleep(10);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  print("cm.expired()", cm.expired());
}

await run(main());
