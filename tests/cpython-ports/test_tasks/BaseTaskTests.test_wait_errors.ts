// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_errors
// The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
import { run, sleep, print, getRunningLoop, wait, ValueError } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  try {
    await wait(new Set());
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("raised", e.name, e.message);
  }
  // -1 is an invalid return_when value
  const sleepCoro = sleep(10.0);
  try {
    await wait([sleepCoro], { returnWhen: -1 });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("raised", e.name, e.message);
  }
  sleepCoro.close();
}

await run(main());
