// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, LifoQueueShutdownTests.test_shutdown_immediate
import { run, sleep, print, getRunningLoop, LifoQueue, QueueShutDown, ValueError } from "asyncio";

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
  // Test immediately shutting down a queue
  // Setup queue with 1 item, and a join() task
  const q = new LifoQueue();
  const loop = getRunningLoop();
  q.putNowait("data");
  const joinTask = loop.createTask(q.join());
  // Perform shut-down
  q.shutdown(true); // unfinished tasks: 1 -> 0
  print("q.qsize()", q.qsize());
  // Ensure join() task has successfully finished
  await sleep(0);
  print("join_task.done()", joinTask.done());
  await joinTask;
  // Ensure put() and get() raise ShutDown
  await raisesShutdown("q.put", q.put("data"));
  await raisesShutdown("q.put_nowait", null, () => q.putNowait("data"));
  await raisesShutdown("q.get", q.get());
  await raisesShutdown("q.get_nowait", null, () => q.getNowait());
  // Ensure there are no unfinished tasks
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("q.task_done() raised", e.name, e.message);
  }
}

await run(main());
