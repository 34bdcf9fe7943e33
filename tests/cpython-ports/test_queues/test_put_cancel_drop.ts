// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_put_cancel_drop
import { run, sleep, print, createTask, Queue, CancelledError } from "asyncio";

async function main() {
  const q = new Queue(1);
  q.putNowait(1);
  // putting a second item in the queue has to block (qsize=1)
  let writer = createTask(q.put(2));
  await sleep(0);
  const value1 = q.getNowait();
  print("value1", value1);
  writer.cancel();
  try {
    await writer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("writer cancelled: try again");
    writer = createTask(q.put(2));
    await writer;
  }
  const value2 = q.getNowait();
  print("value2", value2);
  print("q.qsize()", q.qsize());
}

await run(main());
