// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_other_loop_future
// The test runs run(fut) on its loop with run_until_complete; here run()'s loop runs it as a task.
import { run as asyncioRun, print, createTask, newEventLoop, RuntimeError } from "asyncio";

async function main() {
  const otherLoop = newEventLoop();
  const fut = otherLoop.createFuture();

  async function run(fut) {
    await fut;
  }

  try {
    await createTask(run(fut));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("raised", e.name, /Task .* got Future .* attached/.test(e.message));
  } finally {
    otherLoop.close();
  }
}

await asyncioRun(main());
