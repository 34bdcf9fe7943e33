// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started
// loop.time() is perfCounter() on the virtual clock.
import { run, print, waitFor, perfCounter, TimeoutError } from "asyncio";

let fooStarted = false;

async function foo() {
  fooStarted = true;
}

async function main() {
  let t0;
  try {
    t0 = perfCounter();
    await waitFor(foo(), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  const t1 = perfCounter();
  print("foo_started", fooStarted);
  print("t1 - t0 < 0.1", t1 - t0 < 0.1);
}

await run(main());
