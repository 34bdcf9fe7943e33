// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_cancellation_race_condition
import { run, sleep, print, waitFor, CancelledError } from "asyncio";

async function inner() {
  try {
    await sleep(1);
    print("FAIL: sleep not cancelled");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("inner: sleep cancelled");
  }
  return 1;
}

async function main() {
  const result = await waitFor(inner(), 0.01);
  print("result", result);
}

await run(main());
