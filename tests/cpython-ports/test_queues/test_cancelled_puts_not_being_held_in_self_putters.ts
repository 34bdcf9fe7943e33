// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_cancelled_puts_not_being_held_in_self_putters
import { run, sleep, print, createTask, Queue, CancelledError } from "asyncio";

async function main() {
  // The test reads len(queue._putters); str(queue) shows the putters (_putters[n]).
  // Full queue.
  const queue = new Queue(1);
  queue.putNowait(1);
  // Task waiting for space to put an item in the queue.
  const putTask = createTask(queue.put(1));
  await sleep(0);
  print(String(queue));
  putTask.cancel();
  try {
    await putTask;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
  print(String(queue));
}

await run(main());
