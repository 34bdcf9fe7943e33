// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeouts
import { run, sleep, print, getRunningLoop, timeoutAt, TimeoutError, CancelledError } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  let cancelled = false;
  let cm1, cm2;
  try {
    const deadline = loop.time() + 0.01;
    await using t1 = timeoutAt(deadline);
    cm1 = t1;
    // Only the topmost context manager should raise TimeoutError
    try {
      await using t2 = timeoutAt(deadline);
      cm2 = t2;
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
  print("cm1.expired()", cm1.expired());
  print("cm2.expired()", cm2.expired());
}

await run(main());
