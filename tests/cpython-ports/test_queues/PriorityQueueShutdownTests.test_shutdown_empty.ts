// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueShutdownTests.test_shutdown_empty
import { run, sleep, print, getRunningLoop, PriorityQueue, QueueShutDown } from "asyncio";

async function raisesShutdown(what, aw = null, call = null) {
  try {
    if (aw !== null) await aw;
    else call();
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(what, "raised", e.name);
    return;
  }
  print("FAIL:", what, "did not raise QueueShutDown");
}

async function main() {
  // Test shutting down an empty queue
  // Setup empty queue, and join() and get() tasks
  const q = new PriorityQueue();
  const loop = getRunningLoop();
  const getTask = loop.createTask(q.get());
  await sleep(0); // want get task pending before shutdown
  // Perform shut-down
  q.shutdown(false); // unfinished tasks: 0 -> 0
  print("q.qsize()", q.qsize());
  // Ensure join() task successfully finishes
  await q.join();
  // Ensure get() task is finished, and raised ShutDown
  await sleep(0);
  print("get_task.done()", getTask.done());
  await raisesShutdown("await get_task", getTask);
  // Ensure put() and get() raise ShutDown
  await raisesShutdown("q.put", q.put("data"));
  await raisesShutdown("q.put_nowait", null, () => q.putNowait("data"));
  await raisesShutdown("q.get", q.get());
  await raisesShutdown("q.get_nowait", null, () => q.getNowait());
}

await run(main());
