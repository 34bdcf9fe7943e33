// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueBasicTests.test_empty
import { run, print, Queue } from "asyncio";

async function main() {
  const q = new Queue();
  print("q.empty()", q.empty());
  await q.put(1);
  print("q.empty()", q.empty());
  print("await q.get()", await q.get());
  print("q.empty()", q.empty());
}

await run(main());
