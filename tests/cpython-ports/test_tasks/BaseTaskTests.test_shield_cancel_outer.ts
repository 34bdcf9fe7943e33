// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_cancel_outer
import { run, sleep, print, createFuture, shield } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  // (The white-box assert on outer._callbacks is not ported.)
  const inner = createFuture();
  const outer = shield(inner);
  await sleep(0);
  outer.cancel();
  await sleep(0);
  print("outer.cancelled()", outer.cancelled());
  print("inner.cancelled()", inner.cancelled());
}

await run(main());
