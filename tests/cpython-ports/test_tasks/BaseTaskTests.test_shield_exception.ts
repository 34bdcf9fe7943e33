// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_exception
import { run, sleep, print, createFuture, shield } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  class RuntimeError extends Error {
    name = "RuntimeError";
  }

  const inner = createFuture();
  const outer = shield(inner);
  await sleep(0);
  const exc = new RuntimeError("expected");
  inner.setException(exc);
  await sleep(0);
  print("outer.exception() is exc", outer.exception() === exc);
}

await run(main());
