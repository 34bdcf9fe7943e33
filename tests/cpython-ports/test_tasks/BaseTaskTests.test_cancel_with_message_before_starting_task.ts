// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancel_with_message_before_starting_task
// (The innermost __context__ of the error, checked too, is not: JavaScript has no implicit
// exception context.)
import { run, sleep as asyncioSleep, print, createTask, wait, CancelledError } from "asyncio";

async function main() {
  async function sleep() {
    await asyncioSleep(10);
  }

  async function coro() {
    const task = createTask(sleep());
    // We deliberately leave out the sleep here.
    task.cancel("my message");
    const [done, pending] = await wait([task]);
    task.exception();
  }

  const task = createTask(coro());
  try {
    await task;
  } catch (exc) {
    if (!(exc instanceof CancelledError)) throw exc;
    print("raised", exc.name, "args", exc.args);
  }
}

await run(main());
