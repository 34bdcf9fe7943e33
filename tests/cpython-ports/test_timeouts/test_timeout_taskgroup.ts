// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_timeout_taskgroup
import { run, sleep, print, timeout, TaskGroup, ExceptionGroup } from "asyncio";

class ValueError extends Error {
  name = "ValueError";
}

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function main() {
  // (The test also follows the __context__ chain: JavaScript has no implicit exception context.)
  async function task() {
    try {
      await sleep(2); // Will be interrupted after 0.01 second
    } finally {
      throw new ZeroDivisionError("division by zero"); // Crash in cleanup
    }
  }

  try {
    await using _ = timeout(0.01);
    await using tg = new TaskGroup();
    tg.createTask(task());
    try {
      throw new ValueError();
    } finally {
      await sleep(1);
    }
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    print("raised", eg.name, "cause", eg.cause);
    print("len(eg.exceptions)", eg.exceptions.length);
    const e1 = eg.exceptions[0];
    print("e1", e1.name, "cause", e1.cause);
  }
}

await run(main());
