// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_exception_context
import { run, sleep, print, timeout, TimeoutError } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function main() {
  // (The test also follows the __context__ chain: JavaScript has no implicit exception context.)
  try {
    await using _ = timeout(0.01);
    try {
      throw new ZeroDivisionError("division by zero");
    } finally {
      await sleep(1);
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
    // Expect TimeoutError caused by CancelledError
    print("cause", e.cause?.name, "its cause", e.cause?.cause);
  }
}

await run(main());
