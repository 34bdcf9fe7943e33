// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_asyncio_wait_for_cancelled
// time.monotonic() is perfCounter() on the virtual clock.
import { run, sleep, createTask, print, waitFor, wait, perfCounter, CancelledError } from "asyncio";

/** Task will run for this defined time, ignoring cancel requests */
class SlowTask {
  static TASK_TIMEOUT = 0.2;
  TASK_TIMEOUT = SlowTask.TASK_TIMEOUT;
  exited = false;

  async run() {
    const exitat = perfCounter() + this.TASK_TIMEOUT;
    for (;;) {
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
  const waitfortask = createTask(waitFor(t.run(), t.TASK_TIMEOUT * 2));
  await sleep(0);
  waitfortask.cancel();
  await wait(new Set([waitfortask]));
  print("t.exited", t.exited);
}

await run(main());
