// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_cancellation_broadcast
import { run, sleep, print, createTask, createFuture, gather, CancelledError } from "asyncio";

async function main() {
  // Cancelling outer() cancels all children.
  let proof = 0;
  const waiter = createFuture();

  async function inner() {
    await waiter;
    proof += 1;
  }

  // asyncio.ensure_future(coro) makes a task
  const child1 = createTask(inner());
  const child2 = createTask(inner());
  let gatherer = null;

  async function outer() {
    gatherer = gather([child1, child2]);
    await gatherer;
    proof += 100;
  }

  const f = createTask(outer());
  await sleep(0);
  print("f.cancel()", f.cancel());
  try {
    await f;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("gatherer.cancel()", gatherer.cancel());
  print("waiter.cancelled()", waiter.cancelled());
  print("child1.cancelled()", child1.cancelled());
  print("child2.cancelled()", child2.cancelled());
  await sleep(0);
  print("proof", proof);
}

await run(main());
