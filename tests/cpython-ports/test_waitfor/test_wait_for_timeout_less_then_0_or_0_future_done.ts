// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0_future_done
// loop.time() is perfCounter() on the virtual clock.
import { run, print, createFuture, waitFor, perfCounter } from "asyncio";

async function main() {
  const fut = createFuture();
  fut.setResult("done");
  const t0 = perfCounter();
  const ret = await waitFor(fut, 0);
  const t1 = perfCounter();
  print("ret", ret);
  print("fut.done()", fut.done());
  print("t1 - t0 < 0.1", t1 - t0 < 0.1);
}

await run(main());
