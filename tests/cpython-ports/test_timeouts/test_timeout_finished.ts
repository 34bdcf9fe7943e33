// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_finished
import { run, print, timeout } from "asyncio";

async function main() {
  let cm;
  {
    await using t = timeout(0.01);
    cm = t;
  }
  try {
    cm.reschedule(0.02);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
