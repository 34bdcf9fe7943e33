// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_future
// (The test's second half hands the future to another loop: the runtime runs one.)
import { run, print, getRunningLoop, ensureFuture } from "asyncio";

async function main() {
  const fOrig = getRunningLoop().createFuture();
  fOrig.setResult("ko");

  const f = ensureFuture(fOrig);
  await f;
  print("f.done()", f.done(), "f.result()", f.result(), "f is f_orig", f === fOrig);
}

await run(main());
