// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_foreign_exception_on_timeout
import { run, sleep, print, timeout } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function crash() {
  try {
    await sleep(1);
  } finally {
    throw new ZeroDivisionError("division by zero");
  }
}

async function main() {
  try {
    await using _ = timeout(0.01);
    await crash();
  } catch (e) {
    if (!(e instanceof ZeroDivisionError)) throw e;
    print("raised", e.name);
  }
}

await run(main());
