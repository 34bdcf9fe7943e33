// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_taskgroup_24
import { run, sleep, print, TaskGroup } from "asyncio";

async function root(g) {
  await sleep(0.1);
  g.createTask(coro1(0.1));
  g.createTask(coro1(0.2));
}

async function coro1(delay) {
  await sleep(delay);
}

async function runner() {
  await using g = new TaskGroup();
  g.createTask(root(g));
}

async function main() {
  await runner();
  // The test asserts nothing more than that the group ends.
  print("runner() returned");
}

await run(main());
