// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_blocking_put_wait
import { run, print, createTask, getRunningLoop, Event, Queue } from "asyncio";

async function main() {
  const q = new Queue(1);
  const started = new Event();
  let finished = false;

  async function queuePut() {
    started.set();
    await q.put(1);
    await q.put(2);
    finished = true;
  }

  const loop = getRunningLoop();
  loop.callLater(0.01, () => q.getNowait());
  const queuePutTask = createTask(queuePut());
  await started.wait();
  print("finished", finished);
  await queuePutTask;
  print("finished", finished);
}

await run(main());
