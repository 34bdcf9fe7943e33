// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_nested_timeout_in_finally
// (The test also follows the __context__ chain: JavaScript has no implicit exception context.)
import { run, sleep, print, timeout, TimeoutError } from "asyncio";

async function main() {
  try {
    await using _ = timeout(0.01);
    try {
      await sleep(1);
    } finally {
      try {
        await using _ = timeout(0.01);
        await sleep(10);
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        print("inner raised", e.name, "cause", e.cause?.name);
      }
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("outer raised", e.name, "cause", e.cause?.name);
  }
}

await run(main());
