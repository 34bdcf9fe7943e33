// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_expiring
import { run, sleep, print, timeout, CancelledError } from "asyncio";

async function main() {
  {
    await using cm = timeout(0.01);
    try {
      await sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("raised", e.name);
    }
    try {
      cm.reschedule(0.02);
    } catch (e) {
      print("raised", e.name, e.message);
    }
  }
  print("block left normally");
}

await run(main());
