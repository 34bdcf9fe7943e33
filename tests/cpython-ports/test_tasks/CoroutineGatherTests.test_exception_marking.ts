// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_exception_marking
import { run, sleep, print, createTask, createFuture, gather } from "asyncio";

async function main() {
  // Test for the first line marked "Mark exception retrieved."
  class RuntimeError extends Error {
    name = "RuntimeError";
  }

  async function inner(f) {
    await f;
    throw new RuntimeError("should not be ignored");
  }

  const a = createFuture();
  const b = createFuture();

  async function outer() {
    await gather([inner(a), inner(b)]);
  }

  const f = createTask(outer()); // asyncio.ensure_future(coro) makes a task
  await sleep(0);
  a.setResult(null);
  await sleep(0);
  b.setResult(null);
  // (run_briefly runs a whole turn of the test's loop; here f needs a few turns to be done.)
  for (let i = 0; i < 5; i++) await sleep(0);
  print("f.exception()", f.exception());
}

await run(main());
