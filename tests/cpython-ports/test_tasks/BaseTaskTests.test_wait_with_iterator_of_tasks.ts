// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_with_iterator_of_tasks
// The test drives a test loop whose clock it checks (loop.time()); here the virtual clock.
// iter([b, a]) is [b, a][Symbol.iterator]().
import { run, sleep, print, createTask, getRunningLoop, wait } from "asyncio";

// Set equality, as Python's == on sets.
const setEq = (s, items) => s.size === new Set(items).size && items.every((x) => s.has(x));

async function main() {
  const loop = getRunningLoop();
  const a = createTask(sleep(0.1));
  const b = createTask(sleep(0.15));

  async function foo() {
    const [done, pending] = await wait([b, a][Symbol.iterator]());
    print("done == {a, b}", setEq(done, [a, b]));
    print("pending", pending);
    return 42;
  }

  const res = await createTask(foo());
  print("res", res, "loop.time()", loop.time().toFixed(2));
}

await run(main());
