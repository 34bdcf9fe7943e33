// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_get_cancel_drop_one_pending_reader
import { run, sleep, print, createTask, Queue, CancelledError } from "asyncio";

async function main() {
  const q = new Queue();
  let reader = createTask(q.get());
  await sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  reader.cancel();
  try {
    await reader;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("reader cancelled: try again");
    reader = createTask(q.get());
    await reader;
  }
  const result = reader.result();
  // if we get 2, it means 1 got dropped!
  print("result", result);
}

await run(main());
