// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeouts_loop_busy
import { run, sleep, blockingSleep, print, getRunningLoop, timeout, TimeoutError } from "asyncio";

async function main() {
  // After the inner timeout is an expensive operation which should be stopped by the outer timeout.
  const loop = getRunningLoop();
  // Disable a message about long running task
  loop.slowCallbackDuration = 10;
  const t0 = loop.time();
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
  const t1 = loop.time();
  print("t0 <= t1 <= t0 + 1", t0 <= t1 && t1 <= t0 + 1);
}

await run(main());
