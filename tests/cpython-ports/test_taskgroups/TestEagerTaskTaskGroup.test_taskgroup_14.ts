// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestEagerTaskTaskGroup.test_taskgroup_14
// TestEagerTaskTaskGroup runs TestTaskGroup's tests on a loop whose task factory is
// asyncio.eager_task_factory; here the program sets it first thing in the coroutine run() runs.
import { run, sleep, print, createTask, TaskGroup, getRunningLoop, eagerTaskFactory } from "asyncio";

class ValueError extends Error {
  name = "ValueError";
  args;
  constructor(...args) {
    super(String(args[0]));
    this.args = args;
  }
}

async function crashAfter(t) {
  await sleep(t);
  throw new ValueError(t);
}

async function runner() {
  await using g1 = new TaskGroup();
  g1.createTask(crashAfter(10));
  {
    await using g2 = new TaskGroup();
    g2.createTask(crashAfter(0.1));
  }
}

async function main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const r = createTask(runner());
  try {
    await r;
  } catch (e) {
    print("raised", e.name, e.exceptions.map((x) => x.name).sort());
    print("first", e.exceptions[0]);
  }
}

await run(main());
