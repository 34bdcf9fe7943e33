// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueJoinTests.test_task_done
import { run, print, PriorityQueue, TaskGroup } from "asyncio";

async function main() {
  const q = new PriorityQueue();
  for (let i = 0; i < 100; i++) q.putNowait(i);

  let accumulator = 0;

  // Two workers get items from the queue and call task_done after each.
  // Join the queue and assert all items have been processed.
  let running = true;

  async function worker() {
    while (running) {
      const item = await q.get();
      accumulator += item;
      q.taskDone();
    }
  }

  {
    await using tg = new TaskGroup();
    const tasks = [0, 1].map(() => tg.createTask(worker()));
    await q.join();
    print("accumulator", accumulator, "sum(range(100))", 4950);
    // close running generators
    running = false;
    for (let i = 0; i < tasks.length; i++) q.putNowait(0);
  }
}

await run(main());
