// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_foreign_exception_passed
import { run, print, timeout } from "asyncio";

class KeyError extends Error {
  name = "KeyError";
}

async function main() {
  let cm;
  try {
    await using t = timeout(0.01);
    cm = t;
    throw new KeyError();
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("raised", e.name);
  }
  print("cm.expired()", cm.expired());
}

await run(main());
