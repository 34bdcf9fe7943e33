// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_effect
import { run, sleep, print, createTask, createFuture, shield, CancelledError } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  // Cancelling outer() does not affect inner().
  let proof = 0;
  const waiter = createFuture();

  async function inner() {
    await waiter;
    proof += 1;
  }

  async function outer() {
    await shield(inner());
    proof += 100;
  }

  const f = createTask(outer()); // asyncio.ensure_future(coro) makes a task
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
