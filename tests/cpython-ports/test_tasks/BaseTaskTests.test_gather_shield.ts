// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_gather_shield
import { run, sleep, print, gather, createFuture, shield, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  const child1 = createFuture();
  const child2 = createFuture();
  const inner1 = shield(child1);
  const inner2 = shield(child2);
  const parent = gather([inner1, inner2]);
  await sleep(0);
  parent.cancel();
  // This should cancel inner1 and inner2 but bot child1 and child2.
  await sleep(0);
  print("parent.exception() is a CancelledError", parent.exception() instanceof CancelledError);
  print("inner1.cancelled()", inner1.cancelled());
  print("inner2.cancelled()", inner2.cancelled());
  print("child1.cancelled()", child1.cancelled(), "child2.cancelled()", child2.cancelled());
  child1.setResult(1);
  child2.setResult(2);
  await sleep(0);
}

await run(main());
