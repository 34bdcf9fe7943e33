// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_nested_groups_both_cancelled
import { run, sleep, print, currentTask, TaskGroup, ExceptionGroup } from "asyncio";

class RuntimeError extends Error {
  name = "RuntimeError";
}

class ValueError extends Error {
  name = "ValueError";
}

async function raiseAfter(t, E) {
  await sleep(t);
  throw new E();
}

// except* E, for a group that holds only E's
const only = (e, E) => e instanceof ExceptionGroup && e.exceptions.every((x) => x instanceof E);

async function main() {
  try {
    await using outerTg = new TaskGroup();
    try {
      await using innerTg = new TaskGroup();
      innerTg.createTask(raiseAfter(0, RuntimeError));
      outerTg.createTask(raiseAfter(0, ValueError));
    } catch (e) {
      if (!only(e, RuntimeError)) throw e;
      print("caught RuntimeError");
    }
    print("cancelling() inside", currentTask().cancelling());
  } catch (e) {
    if (!only(e, ValueError)) throw e;
    print("caught ValueError");
  }
  print("cancelling() after", currentTask().cancelling());
}

await run(main());
