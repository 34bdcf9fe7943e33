// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_blocking_get
import { run, print, Queue } from "asyncio";

async function main() {
  const q = new Queue();
  q.putNowait(1);
  print("await q.get()", await q.get());
}

await run(main());
