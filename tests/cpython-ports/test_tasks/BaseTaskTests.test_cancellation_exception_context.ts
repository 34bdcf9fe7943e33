// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_cancellation_exception_context
// The test follows the __context__ chain to its end: (CancelledError, ('msg',), depth 1). Here the
// chain is followed through __cause__ (raise ... from ex), which JavaScript has (cause).
import { run, sleep as asyncioSleep, print, createTask, getRunningLoop, CancelledError, ValueError } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture();

  async function sleep() {
    fut.setResult(null);
    await asyncioSleep(10);
  }

  async function coro() {
    const innerTask = createTask(sleep());
    await fut;
    loop.callSoon((msg) => innerTask.cancel(msg), "msg");
    try {
      await innerTask;
    } catch (ex) {
      if (!(ex instanceof CancelledError)) throw ex;
      throw new ValueError("cancelled", { cause: ex });
    }
  }

  const task = createTask(coro());
  try {
    await task;
  } catch (exc) {
    if (!(exc instanceof ValueError)) throw exc;
    print("raised", exc.name, "args", [exc.message]);
    const cause = exc.cause;
    print("cause", cause.name, "args", cause.args, "its cause", cause.cause ?? null);
  }
}

await run(main());
