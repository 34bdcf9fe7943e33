// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueShutdownTests.test_shutdown_nonempty
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
  // Test shutting down a non-empty queue
  // Setup full queue with 1 item, and join() and put() tasks
  const q = new PriorityQueue(1);
  const loop = getRunningLoop();
  q.putNowait("data");
  const joinTask = loop.createTask(q.join());
  const putTask = loop.createTask(q.put("data2"));
  // Ensure put() task is not finished
  await sleep(0);
  print("put_task.done()", putTask.done());
  // Perform shut-down
  q.shutdown(false); // unfinished tasks: 1 -> 1
  print("q.qsize()", q.qsize());
  // Ensure put() task is finished, and raised ShutDown
  await sleep(0);
  print("put_task.done()", putTask.done());
  await raisesShutdown("await put_task", putTask);
  // Ensure get() succeeds on enqueued item
  print("await q.get()", await q.get());
  // Ensure join() task is not finished
  await sleep(0);
  print("join_task.done()", joinTask.done());
  // Ensure put() and get() raise ShutDown
  await raisesShutdown("q.put", q.put("data"));
  await raisesShutdown("q.put_nowait", null, () => q.putNowait("data"));
  await raisesShutdown("q.get", q.get());
  await raisesShutdown("q.get_nowait", null, () => q.getNowait());
  // Ensure there is 1 unfinished task, and join() task succeeds
  q.taskDone();
  await sleep(0);
  print("join_task.done()", joinTask.done());
  await joinTask;
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("q.task_done() raised", e.name, e.message);
  }
}

await run(main());
