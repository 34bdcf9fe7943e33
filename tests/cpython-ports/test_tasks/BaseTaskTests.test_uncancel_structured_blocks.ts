// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_uncancel_structured_blocks
// The test drives its own loop (run_until_complete); here main() does, on the virtual clock.
// sys.exception() in the finally block is the error the try block threw, kept by a catch.
import { run, sleep as asyncioSleep, print, createTask, currentTask, CancelledError, TimeoutError } from "asyncio";

async function main() {
  async function makeRequestWithTimeout({ sleep, timeout }) {
    const task = currentTask();
    const loop = task.getLoop();

    let timedOut = false;
    let structuredBlockFinished = false;
    let outerCodeReached = false;

    function onTimeout() {
      timedOut = true;
      task.cancel();
    }

    const timeoutHandle = loop.callLater(timeout, onTimeout);
    try {
      let exception = null;
      try {
        // Structured block affected by the timeout
        await asyncioSleep(sleep);
        structuredBlockFinished = true;
      } catch (e) {
        exception = e;
        throw e;
      } finally {
        timeoutHandle.cancel();
        if (timedOut && task.uncancel() === 0 && exception?.constructor === CancelledError) {
          // (The test explains here the five rules of uncancellation.)
          throw new TimeoutError();
        }
      }
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("timed_out", timedOut);
    }

    // Outer code not affected by the timeout:
    outerCodeReached = true;
    await asyncioSleep(0);
    return [timedOut, structuredBlockFinished, outerCodeReached];
  }

  // Test which timed out.
  const t1 = createTask(makeRequestWithTimeout({ sleep: 10.0, timeout: 0.1 }));
  let [timedOut, structuredBlockFinished, outerCodeReached] = await t1;
  print("timed_out", timedOut, "structured_block_finished", structuredBlockFinished, "outer_code_reached", outerCodeReached, "t1.cancelling()", t1.cancelling());

  // Test which did not time out.
  const t2 = createTask(makeRequestWithTimeout({ sleep: 0, timeout: 10.0 }));
  [timedOut, structuredBlockFinished, outerCodeReached] = await t2;
  print("timed_out", timedOut, "structured_block_finished", structuredBlockFinished, "outer_code_reached", outerCodeReached, "t2.cancelling()", t2.cancelling());
}

await run(main());
