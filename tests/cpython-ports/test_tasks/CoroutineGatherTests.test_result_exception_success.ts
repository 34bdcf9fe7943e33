// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_result_exception_success
import { run, sleep, print, gather, createFuture } from "asyncio";

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

  async function checkSuccess(options) {
    const [a, b, c] = [0, 1, 2].map(() => createFuture());
    const fut = await _gather(wrapFutures(a, b, c), options);
    b.setResult(1);
    a.setResult(2);
    await runLoop();
    print("fut.done()", fut.done());
    c.setResult(3);
    await runLoop();
    print("fut.done()", fut.done());
    print("fut.result()", fut.result());
  }

  await checkSuccess({ returnExceptions: true });
}

await run(main());
