// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_cancellation_does_not_leak_out_of_tg
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, currentTask, TaskGroup, ExceptionGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class MyError extends Error {
  name = "MyError";
}

async function throwError() {
  throw new MyError();
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  try {
    await using tg = new TaskGroup();
    tg.createTask(throwError());
  } catch (e) {
    if (!(e instanceof ExceptionGroup && e.exceptions.every((x) => x instanceof MyError))) throw e;
    print("caught MyError");
  }
  // if the cancellation leaked, this task would be cancelled here
  await sleep(0);
  print("not cancelled, cancelling()", currentTask().cancelling());
}

await run(main());
