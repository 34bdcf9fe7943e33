// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for
// loop.time() is perfCounter() on the virtual clock.
import { run, sleep, print, createTask, waitFor, perfCounter, TimeoutError } from "asyncio";

async function main() {
  let fooRunning = null;

  async function foo() {
    fooRunning = true;
    try {
      await sleep(10);
    } finally {
      fooRunning = false;
    }
    return "done";
  }

  const fut = createTask(foo());
  let t0;
  try {
    t0 = perfCounter();
    await waitFor(fut, 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  const t1 = perfCounter();
  print("fut.done()", fut.done());
  // it should have been cancelled due to the timeout
  print("fut.cancelled()", fut.cancelled());
  print("t1 - t0 < 0.2", t1 - t0 < 0.2);
  print("foo_running", fooRunning);
}

await run(main());
