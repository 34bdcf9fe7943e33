// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_foreign_exception_on_timeout_2
import { run, sleep, print, timeout } from "asyncio";

class ValueError extends Error {
  name = "ValueError";
}

class KeyError extends Error {
  name = "KeyError";
}

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function main() {
  // (The test also follows the __context__ chain: JavaScript has no implicit exception context.)
  try {
    await using _ = timeout(0.01);
    try {
      try {
        throw new ValueError();
      } finally {
        await sleep(1);
      }
    } finally {
      try {
        throw new KeyError();
      } finally {
        throw new ZeroDivisionError("division by zero");
      }
    }
  } catch (e) {
    if (!(e instanceof ZeroDivisionError)) throw e;
    print("raised", e.name, "cause", e.cause);
  }
}

await run(main());
