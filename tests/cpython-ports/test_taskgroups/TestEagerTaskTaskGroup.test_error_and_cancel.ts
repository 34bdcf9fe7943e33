// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_error_and_cancel
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, currentTask, Event, TaskGroup, ExceptionGroup, CancelledError, getRunningLoop, eagerTaskFactory } from "asyncio";

class RuntimeError extends Error {
  name = "RuntimeError";
}

let event;

async function raiseError() {
  event.set();
  await sleep(0);
  throw new RuntimeError();
}

async function inner() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(raiseError());
    await sleep(1);
    print("FAIL: sleep in group should have been cancelled");
  } catch (e) {
    if (!(e instanceof ExceptionGroup && e.exceptions.every((x) => x instanceof RuntimeError))) throw e;
    print("except* cancelling()", currentTask().cancelling());
  }
  print("after group cancelling()", currentTask().cancelling());
  await sleep(1);
  print("FAIL: sleep after group should have been cancelled");
}

async function outer() {
  const t = createTask(inner());
  await event.wait();
  print("t.cancelling()", t.cancelling());
  t.cancel();
  print("t.cancelling()", t.cancelling());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print("t.cancelled()", t.cancelled());
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  event = new Event();
  await outer();
}

await run(main());
