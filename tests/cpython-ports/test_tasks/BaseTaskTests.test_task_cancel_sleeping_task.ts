// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_cancel_sleeping_task
// The test drives its own loop (run_until_complete); here main() does, on the virtual clock.
import { run, sleep as asyncioSleep, print, createTask, getRunningLoop, CancelledError } from "asyncio";

async function main() {
  const loop = getRunningLoop();

  async function sleep(dt) {
    await asyncioSleep(dt);
  }

  async function doit() {
    const sleeper = createTask(sleep(5000));
    loop.callLater(0.1, () => sleeper.cancel());
    try {
      await sleeper;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      return "cancelled";
    }
    return "slept in";
  }

  print("doit()", await doit());
  print("loop.time()", loop.time().toFixed(2));
}

await run(main());
