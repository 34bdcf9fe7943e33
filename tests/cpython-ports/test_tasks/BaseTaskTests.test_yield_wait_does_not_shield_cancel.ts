// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_yield_wait_does_not_shield_cancel
// The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
// one pass of the loop is await sleep(0).
// (The test wraps the wait in assertWarns(DeprecationWarning), which the cancellation leaves
// before it checks anything: not ported.)
import { run, sleep, print, createTask, getRunningLoop, ensureFuture, wait, CancelledError } from "asyncio";

async function main() {
  // Cancelling outer() makes wait() return early, leaves inner()
  // running.
  let proof = 0;
  const waiter = getRunningLoop().createFuture();

  async function inner() {
    await waiter;
    proof += 1;
  }

  async function outer() {
    const [d, p] = await wait([createTask(inner())]);
    proof += 100;
  }

  const f = ensureFuture(outer());
  await sleep(0);
  f.cancel();
  try {
    await f;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  waiter.setResult(null);
  await sleep(0);
  print("proof", proof);
}

await run(main());
