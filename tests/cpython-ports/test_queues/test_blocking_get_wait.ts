// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_blocking_get_wait
import { run, print, createTask, getRunningLoop, Event, Queue } from "asyncio";

async function main() {
  const loop = getRunningLoop();
  const q = new Queue();
  const started = new Event();
  let finished = false;

  async function queueGet() {
    started.set();
    const res = await q.get();
    finished = true;
    return res;
  }

  const queueGetTask = createTask(queueGet());
  await started.wait();
  print("finished", finished);
  loop.callLater(0.01, (item) => q.putNowait(item), 1);
  const res = await queueGetTask;
  print("finished", finished);
  print("res", res);
}

await run(main());
