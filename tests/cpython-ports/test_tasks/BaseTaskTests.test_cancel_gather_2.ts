// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_gather_2
import { run, sleep, print, createTask, gather, CancelledError } from "asyncio";

async function main() {
  // Each case ran on a loop of its own; here one after another in main(). (The innermost
  // __context__ of the error, checked too, is not: JavaScript has no implicit exception context.)
  const cases = [
    [[], []],
    [[null], []],
    [["my message"], ["my message"]],
    // Non-string values should roundtrip.
    [[5], [5]],
  ];
  for (const [cancelArgs, expectedArgs] of cases) {
    print("subTest cancel_args", cancelArgs);

    async function test() {
      let time = 0;
      while (true) {
        time += 0.05;
        await gather([sleep(0.05)], { returnExceptions: true });
        if (time > 1) return;
      }
    }

    async function innerMain() {
      const qwe = createTask(test());
      await sleep(0.2);
      qwe.cancel(...cancelArgs);
      await qwe;
    }

    try {
      await innerMain();
      print("FAIL: gather() does not propagate CancelledError raised by inner task to the gather() caller.");
    } catch (exc) {
      if (!(exc instanceof CancelledError)) throw exc;
      print("raised", exc.name, "args", exc.args, "expected", expectedArgs);
    }
  }
}

await run(main());
