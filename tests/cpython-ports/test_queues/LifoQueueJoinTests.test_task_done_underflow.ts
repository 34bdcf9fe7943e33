// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, LifoQueueJoinTests.test_task_done_underflow
import { run, print, LifoQueue } from "asyncio";

async function main() {
  const q = new LifoQueue();
  try {
    q.taskDone();
  } catch (e) {
    print("raised", e.name, e.message);
  }
}

await run(main());
