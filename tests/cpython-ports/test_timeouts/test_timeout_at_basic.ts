// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_at_basic
import { run, sleep, print, getRunningLoop, timeoutAt, TimeoutError } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  let cm, deadline;
  try {
    deadline = loop.time() + 0.01;
    await using t = timeoutAt(deadline);
    cm = t;
    await sleep(10);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  print("cm.expired()", cm.expired());
  print("deadline == cm.when()", deadline === cm.when());
}

await run(main());
