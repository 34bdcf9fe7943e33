// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_get_cancel_drop_many_pending_readers
import { run, sleep, print, Queue, TaskGroup, CancelledError } from "asyncio";

async function main() {
  const q = new Queue();
  let reader2, reader3;
  {
    await using tg = new TaskGroup();
    const reader1 = tg.createTask(q.get());
    reader2 = tg.createTask(q.get());
    reader3 = tg.createTask(q.get());
    await sleep(0);
    q.putNowait(1);
    q.putNowait(2);
    reader1.cancel();
    try {
      await reader1;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("reader1 raised", e.name);
    }
    await reader3;
  }
  // It is undefined in which order concurrent readers receive results.
  print("results", [...new Set([reader2.result(), reader3.result()])].sort());
}

await run(main());
