// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_asyncio_wait_for_timeout
// time.monotonic() is perfCounter() on the virtual clock.
import { run, sleep, print, waitFor, perfCounter, TimeoutError, CancelledError } from "asyncio";

/** Task will run for this defined time, ignoring cancel requests */
class SlowTask {
  static TASK_TIMEOUT = 0.2;
  exited = false;

  async run() {
    const exitat = perfCounter() + SlowTask.TASK_TIMEOUT;
    while (true) {
      const tosleep = exitat - perfCounter();
      if (tosleep <= 0) break;
      try {
        await sleep(tosleep);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
      }
    }
    this.exited = true;
  }
}

async function main() {
  const t = new SlowTask();
  try {
    await waitFor(t.run(), SlowTask.TASK_TIMEOUT / 2);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  print("t.exited", t.exited);
}

await run(main());
