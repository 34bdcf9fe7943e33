// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_first_exception
// The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
import { run, sleep, print, createTask, getRunningLoop, wait, FIRST_EXCEPTION } from "asyncio";

class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}

// Set equality, as Python's == on sets.
const setEq = (s, items) => s.size === new Set(items).size && items.every((x) => s.has(x));

async function main() {
  const loop = getRunningLoop();
  // first_exception, task already has exception
  const a = createTask(sleep(10.0));

  async function exc() {
    throw new ZeroDivisionError("err");
  }

  const b = createTask(exc());
  const task = createTask(wait([b, a], { returnWhen: FIRST_EXCEPTION }));
  const [done, pending] = await task;
  print("done == {b}", setEq(done, [b]), "pending == {a}", setEq(pending, [a]));
  print("loop.time()", loop.time().toFixed(2));
  a.cancel();
}

await run(main());
