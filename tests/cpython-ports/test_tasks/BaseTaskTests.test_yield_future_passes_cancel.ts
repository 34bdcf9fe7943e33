// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_yield_future_passes_cancel
import { run, sleep, print, createTask, createFuture, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  // Cancelling outer() cancels inner() cancels waiter.
  let proof = 0;
  const waiter = createFuture();

  async function inner() {
    try {
      await waiter;
    } catch (e) {
      if (e instanceof CancelledError) proof += 1;
      throw e;
    }
    print("FAIL: got past sleep() in inner()");
  }

  async function outer() {
    try {
      await inner();
      proof += 10;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      proof += 100; // Expect this path.
    }
  }

  const f = createTask(outer()); // asyncio.ensure_future(coro) makes a task
  await sleep(0);
  f.cancel();
  await f;
  print("proof", proof);
  print("waiter.cancelled()", waiter.cancelled());
}

await run(main());
