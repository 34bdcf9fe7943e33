// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueBasicTests.test_full
import { run, print, Queue } from "asyncio";

async function main() {
  let q = new Queue();
  print("q.full()", q.full());
  q = new Queue(1);
  await q.put(1);
  print("q.full()", q.full());
}

await run(main());
