// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_cancels_task_if_created_during_creation
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, TaskGroup, ExceptionGroup, CancelledError, getRunningLoop, eagerTaskFactory } from "asyncio";

let ran = false;

class MyError extends Error {
  name = "MyError";
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  let exc = null;
  try {
    await using tg = new TaskGroup();
    async function thirdTask() {
      throw new MyError("third task failed");
    }
    async function secondTask() {
      tg.createTask(thirdTask());
      try {
        await sleep(0); // eager tasks cancel here
        await sleep(0); // lazy tasks cancel here
        print("FAIL: second_task was not cancelled");
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print("second_task cancelled");
      }
      ran = true;
    }
    tg.createTask(secondTask());
  } catch (e) {
    if (!(e instanceof ExceptionGroup && e.exceptions.every((x) => x instanceof MyError))) throw e;
    exc = e.exceptions[0];
  }
  print("ran", ran);
  print("exc", exc);
}

await run(main());
