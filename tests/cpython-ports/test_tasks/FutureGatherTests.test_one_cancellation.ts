// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_one_cancellation
import { run, sleep, print, gather, createFuture, CancelledError } from "asyncio";

async function main() {
  // (The test checks a done callback with a mock; fut.done() is printed instead.)
  class RuntimeError extends Error {
    name = "RuntimeError";
  }

  const [a, b, c, d, e] = [0, 1, 2, 3, 4].map(() => createFuture());
  const fut = gather([a, b, c, d, e]);
  a.setResult(1);
  b.cancel();
  for (let i = 0; i < 5; i++) await sleep(0);
  print("fut.done()", fut.done());
  print("fut.cancelled()", fut.cancelled());
  print("fut.exception() is a CancelledError", fut.exception() instanceof CancelledError);
  // Does nothing
  c.setResult(3);
  d.cancel();
  e.setException(new RuntimeError());
  e.exception();
}

await run(main());
