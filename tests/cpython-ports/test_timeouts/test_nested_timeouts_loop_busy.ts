// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeouts_loop_busy
// (The test also sets loop.slow_callback_duration = 10, which only quiets debug mode's messages.)
// loop.time() is perfCounter() on the virtual clock.
import { run, sleep, blockingSleep, print, perfCounter, timeout, TimeoutError } from "asyncio";

async function main() {
  // After the inner timeout is an expensive operation which should be stopped by the outer timeout.
  const t0 = perfCounter();
  try {
    await using _ = timeout(0.1); // (1)
    try {
      await using _ = timeout(0.01); // (2)
      // Pretend the loop is busy for a while.
      blockingSleep(0.1);
      await sleep(1);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("(2) raised", e.name);
    }
    // TimeoutError was caught by (2)
    await sleep(10); // This sleep should be interrupted by (1)
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("(1) raised", e.name);
  }
  const t1 = perfCounter();
  print("t0 <= t1 <= t0 + 1", t0 <= t1 && t1 <= t0 + 1);
}

await run(main());
