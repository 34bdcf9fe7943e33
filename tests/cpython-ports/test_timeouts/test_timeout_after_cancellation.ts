// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_after_cancellation
import { run, sleep, print, currentTask, timeout, TimeoutError, CancelledError } from "asyncio";

async function main() {
  try {
    currentTask().cancel();
    await sleep(1); // work which will be cancelled
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("work cancelled");
  } finally {
    try {
      await using _ = timeout(0.0);
      await sleep(1); // some cleanup
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("cleanup raised", e.name);
    }
  }
}

await run(main());
