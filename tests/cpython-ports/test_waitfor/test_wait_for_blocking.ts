// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_blocking
import { run, print, waitFor } from "asyncio";

async function coro() {
  return "done";
}

async function main() {
  const res = await waitFor(coro(), null);
  print("res", res);
}

await run(main());
