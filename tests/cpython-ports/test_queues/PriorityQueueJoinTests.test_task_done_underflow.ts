// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, PriorityQueueJoinTests.test_task_done_underflow
import { run, print, PriorityQueue } from "asyncio";

async function main() {
  const q = new PriorityQueue();
  try {
    q.taskDone();
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
