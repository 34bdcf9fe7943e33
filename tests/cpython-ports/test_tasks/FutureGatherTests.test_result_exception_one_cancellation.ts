// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_result_exception_one_cancellation
import { run, sleep, print, gather, createFuture, CancelledError } from "asyncio";

async function main() {
  // (The test checks a done callback with a mock; fut.done() is printed instead.)
  class ZeroDivisionError extends Error {
    name = "ZeroDivisionError";
  }
  class RuntimeError extends Error {
    name = "RuntimeError";
  }

  const [a, b, c, d, e, f] = [0, 1, 2, 3, 4, 5].map(() => createFuture());
  const fut = gather([a, b, c, d, e, f], { returnExceptions: true });
  a.setResult(1);
  const zde = new ZeroDivisionError();
  b.setException(zde);
  c.cancel();
  for (let i = 0; i < 5; i++) await sleep(0);
  print("fut.done()", fut.done());
  d.setResult(3);
  e.cancel();
  const rte = new RuntimeError();
  f.setException(rte);
  const res = await fut;
  print("res[2], res[4] are CancelledErrors", res[2] instanceof CancelledError, res[4] instanceof CancelledError);
  res[2] = res[4] = null;
  print("res", res);
  print("the same exceptions", res[1] === zde && res[5] === rte);
}

await run(main());
