// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueBasicTests.test_order
import { run, print, Queue } from "asyncio";

async function main() {
  const q = new Queue();
  for (const i of [1, 3, 2]) await q.put(i);
  const items = [];
  for (let k = 0; k < 3; k++) items.push(await q.get());
  print("items", items);
}

await run(main());
