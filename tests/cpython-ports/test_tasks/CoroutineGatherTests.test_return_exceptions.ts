// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_return_exceptions
import { run, sleep, print, gather, createFuture } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

class RuntimeError extends Error {
  name = "RuntimeError";
}

async function main() {
  // The test runs its loop until nothing is ready (_run_loop) and checks a done callback with a
  // mock; here main() gives the loop a few turns and prints fut.done().
  const wrapFutures = (...futures) =>
    futures.map((fut) => {
      async function coro() {
        return await fut;
      }
      return coro();
    });
  async function _gather(args, options) {
    async function coro() {
      return gather(args, options);
    }
    return await coro();
  }

  async function runLoop() {
    for (let i = 0; i < 5; i++) await sleep(0);
  }

  const [a, b, c, d] = [0, 1, 2, 3].map(() => createFuture());
  const fut = await _gather(wrapFutures(a, b, c, d), { returnExceptions: true });
  const exc = new ZeroDivisionError();
  const exc2 = new RuntimeError();
  b.setResult(1);
  c.setException(exc);
  a.setResult(3);
  await runLoop();
  print("fut.done()", fut.done());
  d.setException(exc2);
  await runLoop();
  print("fut.done()", fut.done());
  print("fut.result()", fut.result());
  print("the same exceptions", fut.result()[2] === exc && fut.result()[3] === exc2);
}

await run(main());
