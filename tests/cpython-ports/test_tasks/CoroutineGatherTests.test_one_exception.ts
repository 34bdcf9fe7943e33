// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_one_exception
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

  const [a, b, c, d, e] = [0, 1, 2, 3, 4].map(() => createFuture());
  const fut = await _gather(wrapFutures(a, b, c, d, e));
  const exc = new ZeroDivisionError();
  a.setResult(1);
  b.setException(exc);
  await runLoop();
  print("fut.done()", fut.done());
  print("fut.exception() is exc", fut.exception() === exc);
  // Does nothing
  c.setResult(3);
  d.cancel();
  e.setException(new RuntimeError());
  e.exception();
  await runLoop();
}

await run(main());
