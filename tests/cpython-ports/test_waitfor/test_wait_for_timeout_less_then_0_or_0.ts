// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0
// loop.time() is perfCounter() on the virtual clock.
import { run, sleep, print, createTask, createFuture, waitFor, perfCounter, TimeoutError } from "asyncio";

async function main() {
  for (const timeout of [0, -1]) {
    print("subTest timeout", timeout);
    let fooRunning = null;
    const started = createFuture();

    async function foo() {
      fooRunning = true;
      started.setResult(null);
      try {
        await sleep(10);
      } finally {
        fooRunning = false;
      }
      return "done";
    }

    const fut = createTask(foo());
    await started;
    let t0;
    try {
      t0 = perfCounter();
      await waitFor(fut, timeout);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("raised", e.name);
    }
    const t1 = perfCounter();
    print("fut.done()", fut.done());
    // it should have been cancelled due to the timeout
    print("fut.cancelled()", fut.cancelled());
    print("foo_running", fooRunning);
    print("t1 - t0 < 0.1", t1 - t0 < 0.1);
  }
}

await run(main());
