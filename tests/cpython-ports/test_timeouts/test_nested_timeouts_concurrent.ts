// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeouts_concurrent
import { run, sleep, blockingSleep, print, timeout, TimeoutError } from "asyncio";

async function main() {
  try {
    await using _ = timeout(0.002);
    try {
      await using _ = timeout(0.1);
      // Pretend we crunch some numbers.
      blockingSleep(0.01);
      await sleep(1);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("inner raised", e.name);
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("outer raised", e.name);
  }
}

await run(main());
