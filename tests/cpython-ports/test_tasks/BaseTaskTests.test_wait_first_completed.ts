// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_first_completed
// The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
import { run, sleep, print, createTask, getRunningLoop, wait, FIRST_COMPLETED } from "asyncio";

// Set equality, as Python's == on sets.
const setEq = (s, items) => s.size === new Set(items).size && items.every((x) => s.has(x));

async function main() {
  const loop = getRunningLoop();
  const a = createTask(sleep(10.0));
  const b = createTask(sleep(0.1));
  const task = createTask(wait([b, a], { returnWhen: FIRST_COMPLETED }));
  const [done, pending] = await task;
  print("done == {b}", setEq(done, [b]), "pending == {a}", setEq(pending, [a]));
  print("a.done()", a.done(), "b.done()", b.done(), "b.result()", b.result());
  print("loop.time()", loop.time().toFixed(2));
  // (The test then moves its clock on to close the generator; here the sleeps are cancelled.)
  a.cancel();
}

await run(main());
