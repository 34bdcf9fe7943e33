// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_race_condition
import { run, print, getRunningLoop, waitFor } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture();
  const task = waitFor(fut, 0.2);
  loop.callSoon((result) => fut.setResult(result), "ok");
  const res = await task;
  print("res", res);
}

await run(main());
