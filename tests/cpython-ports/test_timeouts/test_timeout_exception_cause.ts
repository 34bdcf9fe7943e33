// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_exception_cause
// Python's __cause__ is JavaScript's cause.
import { run, sleep, print, timeout, TimeoutError } from "asyncio";

async function main() {
  try {
    await using _ = timeout(0);
    await sleep(1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
    print("cause", e.cause?.name);
  }
}

await run(main());
