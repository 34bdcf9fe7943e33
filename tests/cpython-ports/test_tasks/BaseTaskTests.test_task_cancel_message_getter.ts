// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_task_cancel_message_getter
import { run, print, createTask, CancelledError } from "asyncio";

async function main() {
  // (The test also reads t._cancel_message, private.)
  async function coro() {}

  const t = createTask(coro());
  t.cancel("my message");
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name, "args[0]", e.args[0]);
  }
}

await run(main());
