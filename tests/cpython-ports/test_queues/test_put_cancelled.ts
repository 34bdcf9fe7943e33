// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_put_cancelled
import { run, print, createTask, Queue } from "asyncio";

async function main() {
  const q = new Queue();

  async function queuePut() {
    await q.put(1);
    return true;
  }

  const t = createTask(queuePut());
  print("await q.get()", await q.get());
  print("t.done()", t.done());
  print("t.result()", t.result());
}

await run(main());
