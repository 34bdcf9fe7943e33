// Port of CPython 3.14 Lib/test/test_asyncio/test_waitfor.py, AsyncioWaitForTest.test_wait_for_reraises_exception_during_cancellation
import { run, sleep, print, createTask, waitFor } from "asyncio";

const _EPSILON = 0.0001;

class FooException extends Error {
  name = "FooException";
}

async function foo() {
  async function inner() {
    try {
      await sleep(0.2);
    } finally {
      throw new FooException();
    }
  }

  const innerTask = createTask(inner());
  await waitFor(innerTask, _EPSILON);
}

async function main() {
  try {
    await foo();
  } catch (e) {
    if (!(e instanceof FooException)) throw e;
    print("raised", e.name);
  }
}

await run(main());
