// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_error_msg
// The test's own loop is run()'s here.
import { run, print, getRunningLoop, newEventLoop, ensureFuture, ValueError } from "asyncio";

async function main() {
  const loop = newEventLoop();
  const f = getRunningLoop().createFuture();
  try {
    ensureFuture(f, loop);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("raised", e.name, e.message);
  }
  loop.close();
}

await run(main());
