// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_really_done
// The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
import { run, sleep, print, createTask, getRunningLoop, wait, FIRST_COMPLETED } from "asyncio";

// Set equality, as Python's == on sets.
const setEq = (s, items) => s.size === new Set(items).size && items.every((x) => s.has(x));

async function main() {
  const loop = getRunningLoop();
  // there is possibility that some tasks in the pending list
  // became done but their callbacks haven't all been called yet
  async function coro1() {
    await sleep(0);
  }

  async function coro2() {
    await sleep(0);
    await sleep(0);
  }

  const a = createTask(coro1());
  const b = createTask(coro2());
  const task = createTask(wait([b, a], { returnWhen: FIRST_COMPLETED }));
  const [done, pending] = await task;
  print("done == {a, b}", setEq(done, [a, b]));
  print("a.done()", a.done(), "a.result()", a.result());
  print("b.done()", b.done(), "b.result()", b.result());
}

await run(main());
