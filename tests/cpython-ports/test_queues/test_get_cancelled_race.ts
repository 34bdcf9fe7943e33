// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_get_cancelled_race
import { run, sleep, print, createTask, Queue } from "asyncio";

async function main() {
  const q = new Queue();
  const t1 = createTask(q.get());
  const t2 = createTask(q.get());
  await sleep(0);
  t1.cancel();
  await sleep(0);
  print("t1.done()", t1.done());
  await q.put("a");
  await sleep(0);
  print("await t2", await t2);
}

await run(main());
