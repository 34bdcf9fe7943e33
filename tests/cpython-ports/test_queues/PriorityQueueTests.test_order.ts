// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueTests.test_order
import { run, print, PriorityQueue } from "asyncio";

async function main() {
  const q = new PriorityQueue();
  for (const i of [1, 3, 2]) await q.put(i);
  const items = [];
  for (let n = 0; n < 3; n++) items.push(await q.get());
  print("items", items);
}

await run(main());
