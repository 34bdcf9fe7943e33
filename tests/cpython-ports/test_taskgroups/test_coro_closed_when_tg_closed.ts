// Port of CPython 3.14 Lib/test/test_asyncio/test_taskgroups.py, TestTaskGroup.test_coro_closed_when_tg_closed
import { run, sleep, print, TaskGroup } from "asyncio";

async function runCoroAfterTgCloses() {
  let tg;
  {
    await using g = new TaskGroup();
    tg = g;
  }
  const coro = sleep(0);
  try {
    tg.createTask(coro);
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

async function main() {
  await runCoroAfterTgCloses();
}

await run(main());
