// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_wait_cancel
import { run, print, createTask, getRunningLoop, Event, CancelledError } from "asyncio";

async function main() {
  const ev = new Event();
  const wait = createTask(ev.wait());
  getRunningLoop().callSoon(() => wait.cancel());
  try {
    await wait;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("waiters left", String(ev).includes("waiters"));
}

await run(main());
