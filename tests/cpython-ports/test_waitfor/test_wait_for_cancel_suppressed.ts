// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_cancel_suppressed
import { run, sleep, print, waitFor, CancelledError } from "asyncio";

async function main() {
  // GH-86296: Suppressing CancelledError is discouraged but if a task suppresses CancelledError
  // and returns a value, `wait_for` should return the value instead of raising CancelledError.
  // This is the same behavior as `asyncio.timeout`.
  async function return42() {
    try {
      await sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      return 42;
    }
  }

  const res = await waitFor(return42(), 0.1);
  print("res", res);
}

await run(main());
