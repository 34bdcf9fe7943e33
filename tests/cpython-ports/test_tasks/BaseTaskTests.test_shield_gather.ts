// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_gather
import { run, sleep, print, gather, createFuture, shield } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  const child1 = createFuture();
  const child2 = createFuture();
  const parent = gather([child1, child2]);
  const outer = shield(parent);
  await sleep(0);
  outer.cancel();
  await sleep(0);
  print("outer.cancelled()", outer.cancelled());
  child1.setResult(1);
  child2.setResult(2);
  await sleep(0);
  print("parent.result()", parent.result());
}

await run(main());
