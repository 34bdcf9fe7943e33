// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_waiter_cancelled
import { run, sleep, print, timeout, TimeoutError, CancelledError } from "asyncio";

async function main() {
  let cancelled = false;
  try {
    await using _ = timeout(0.01);
    try {
      await sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) cancelled = true;
      throw e;
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  print("cancelled", cancelled);
}

await run(main());
