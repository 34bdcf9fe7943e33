// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_with_message_then_future_result
// Each case ran on a loop of its own; here one after another in main(). (The innermost
// __context__ of the error, checked too, is not: JavaScript has no implicit exception context.)
import { run, sleep as asyncioSleep, print, createTask, wait, CancelledError } from "asyncio";

async function main() {
  // Test Future.result() after calling cancel() with a message.
  const cases = [
    [[], []],
    [[null], []],
    [["my message"], ["my message"]],
    // Non-string values should roundtrip.
    [[5], [5]],
  ];
  for (const [cancelArgs, expectedArgs] of cases) {
    print("subTest cancel_args", cancelArgs);

    async function sleep() {
      await asyncioSleep(10);
    }

    async function coro() {
      const task = createTask(sleep());
      await asyncioSleep(0);
      task.cancel(...cancelArgs);
      const [done, pending] = await wait([task]);
      task.result();
    }

    const task = createTask(coro());
    try {
      await task;
    } catch (exc) {
      if (!(exc instanceof CancelledError)) throw exc;
      print("raised", exc.name, "args", exc.args, "expected", expectedArgs);
    }
  }
}

await run(main());
