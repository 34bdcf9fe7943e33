// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait
// The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
import { run, sleep, print, createTask, getRunningLoop, wait } from "asyncio";

// Set equality, as Python's == on sets.
const setEq = (s, items) => s.size === new Set(items).size && items.every((x) => s.has(x));

async function main() {
  const loop = getRunningLoop();
  const a = createTask(sleep(0.1));
  const b = createTask(sleep(0.15));

  async function foo() {
    const [done, pending] = await wait([b, a]);
    print("done == {a, b}", setEq(done, [a, b]));
    print("pending", pending);
    return 42;
  }

  let res = await createTask(foo());
  print("res", res, "loop.time()", loop.time().toFixed(2));
  // Doing it again should take no time and exercise a different path.
  res = await createTask(foo());
  print("res", res, "loop.time()", loop.time().toFixed(2));
}

await run(main());
