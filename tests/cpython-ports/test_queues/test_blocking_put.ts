// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_blocking_put
import { run, print, Queue } from "asyncio";

async function main() {
  const q = new Queue();
  // No maxsize, won't block.
  await q.put(1);
  print("await q.get()", await q.get());
}

await run(main());
