// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueJoinTests.test_join_empty_queue
import { run, print, PriorityQueue } from "asyncio";

async function main() {
  const q = new PriorityQueue();
  // Test that a queue join()s successfully, and before anything else
  // (done twice for insurance).
  await q.join();
  await q.join();
  print("joined twice");
}

await run(main());
