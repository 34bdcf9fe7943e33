// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_shortcut
import { run, print, createFuture, shield } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  const fut = createFuture();
  fut.setResult(42);
  const res = await shield(fut);
  print("res", res);
}

await run(main());
