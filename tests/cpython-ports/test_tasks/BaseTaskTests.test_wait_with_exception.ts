// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_with_exception
// The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
import { run, sleep, print, createTask, getRunningLoop, wait } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

async function main() {
  const loop = getRunningLoop();
  const a = createTask(sleep(0.1));

  async function sleeper() {
    await sleep(0.15);
    throw new ZeroDivisionError("really");
  }

  const b = createTask(sleeper());

  async function foo() {
    const [done, pending] = await wait([b, a]);
    print("len(done)", done.size, "pending", pending);
    const errors = new Set([...done].filter((f) => f.exception() != null));
    print("len(errors)", errors.size);
  }

  await createTask(foo());
  print("loop.time()", loop.time().toFixed(2));
  await createTask(foo());
  print("loop.time()", loop.time().toFixed(2));
}

await run(main());
