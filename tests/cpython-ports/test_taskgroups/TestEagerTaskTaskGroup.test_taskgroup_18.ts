// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_18
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, TaskGroup, CancelledError, getRunningLoop, eagerTaskFactory } from "asyncio";

class MyExc extends Error {
  name = "MyExc";
}

let NUM = 0;

async function runner() {
  await using _ = new TaskGroup();
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    NUM += 10;
    // This isn't a good idea, but we have to support this weird case.
    throw new MyExc();
  }
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const r = createTask(runner());
  await sleep(0.1);
  print("r.done()", r.done());
  r.cancel();
  try {
    await r;
    print("ExceptionGroup was not raised");
  } catch (e) {
    print("raised", e.name, e.exceptions.map((x) => x.name).sort());
  }
  print("NUM", NUM);
}

await run(main());
