// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_get_with_waiting_putters
import { run, print, createTask, Queue } from "asyncio";

async function main() {
  const q = new Queue(1);
  createTask(q.put("a"));
  createTask(q.put("b"));
  print("await q.get()", await q.get());
  print("await q.get()", await q.get());
}

await run(main());
