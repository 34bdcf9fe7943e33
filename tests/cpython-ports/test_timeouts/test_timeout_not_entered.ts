// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_not_entered
import { run, print, timeout } from "asyncio";

async function main() {
  const cm = timeout(0.01);
  try {
    cm.reschedule(0.02);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
