// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_cancelled_put_silence_value_error_exception
import { run, sleep, print, createTask, Queue, CancelledError } from "asyncio";

async function main() {
  // Full Queue.
  const queue = new Queue(1);
  queue.putNowait(1);
  // Task waiting for space to put a item in the queue.
  const putTask = createTask(queue.put(1));
  await sleep(0);
  // get_nowait() remove the future of put_task from queue._putters.
  queue.getNowait();
  // When canceled, queue.put is going to remove its future from
  // self._putters but it was removed previously by queue.get_nowait().
  putTask.cancel();
  // The ValueError exception triggered by queue._putters.remove(putter)
  // inside queue.put should be silenced.
  // If the ValueError is silenced we should catch a CancelledError.
  try {
    await putTask;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("raised", e.name);
  }
}

await run(main());
