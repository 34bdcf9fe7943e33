// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_foreign_cancel_doesnt_timeout_if_not_expired
import { run, sleep, print, timeout, currentTask, CancelledError } from "asyncio";

async function main() {
  let cm;
  try {
    await using t = timeout(10);
    cm = t;
    currentTask().cancel();
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("cm.expired()", cm.expired());
}

await run(main());
