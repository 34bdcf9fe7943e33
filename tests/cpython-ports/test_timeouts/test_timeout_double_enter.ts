// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_double_enter
import { run, print, timeout } from "asyncio";

async function main() {
  let cm;
  {
    await using t = timeout(0.01);
    cm = t;
  }
  try {
    await using _ = cm;
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
