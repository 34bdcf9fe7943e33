// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_put_with_waiting_getters
import { run, sleep, print, createTask, Queue } from "asyncio";

async function main() {
  const q = new Queue();
  const t = createTask(q.get());
  await sleep(0);
  await q.put("a");
  print("await t", await t);
}

await run(main());
