// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueShutdownTests.test_shutdown_immediate_with_unfinished
import { run, sleep, print, getRunningLoop, PriorityQueue, QueueShutDown, ValueError } from "asyncio";

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
  // Test immediately shutting down a queue with unfinished tasks
  // Setup queue with 2 items (1 retrieved), and a join() task
  const q = new PriorityQueue();
  const loop = getRunningLoop();
  q.putNowait("data");
  q.putNowait("data");
  const joinTask = loop.createTask(q.join());
  print("await q.get()", await q.get());
  // Perform shut-down
  q.shutdown(true); // unfinished tasks: 2 -> 1
  print("q.qsize()", q.qsize());
  // Ensure join() task is not finished
  await sleep(0);
  print("join_task.done()", joinTask.done());
  // Ensure put() and get() raise ShutDown
  await raisesShutdown("q.put", q.put("data"));
  await raisesShutdown("q.put_nowait", null, () => q.putNowait("data"));
  await raisesShutdown("q.get", q.get());
  await raisesShutdown("q.get_nowait", null, () => q.getNowait());
  // Ensure there is 1 unfinished task
  q.taskDone();
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("q.task_done() raised", e.name, e.message);
  }
  // Ensure join() task has successfully finished
  await sleep(0);
  print("join_task.done()", joinTask.done());
  await joinTask;
}

await run(main());
