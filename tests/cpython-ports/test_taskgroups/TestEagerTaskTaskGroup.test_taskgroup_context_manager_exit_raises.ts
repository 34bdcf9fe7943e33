// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_context_manager_exit_raises
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
// contextlib.asynccontextmanager's database() becomes an object whose async dispose raises, as its
// finally clause does.
import { run, sleep, print, createTask, currentTask, TaskGroup, ExceptionGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class CustomException extends Error {
  name = "CustomException";
}

async function raiseExc() {
  throw new CustomException();
}

function database() {
  return {
    async [Symbol.asyncDispose]() {
      throw new CustomException();
    },
  };
}

async function main() {
  const task = currentTask();
  try {
    await using tg = new TaskGroup();
    {
      await using _ = database();
      tg.createTask(raiseExc());
      await sleep(1);
    }
    print("FAIL: CustomException not raised");
  } catch (e) {
    if (!(e instanceof ExceptionGroup && e.exceptions.every((x) => x instanceof CustomException))) throw e;
    print("task.cancelling()", task.cancelling());
    print("len(err.exceptions)", e.exceptions.length);
  }
}

async function test() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  await createTask(main());
}

await run(test());
