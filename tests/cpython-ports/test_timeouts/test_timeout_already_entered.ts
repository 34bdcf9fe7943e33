// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_already_entered
import { run, print, timeout } from "asyncio";

async function main() {
  await using cm = timeout(0.01);
  try {
    await using _ = cm;
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
