// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_why_are_getters_waiting
import { run, print, Queue, TaskGroup } from "asyncio";

async function main() {
  async function consumer(queue, numExpected) {
    for (let i = 0; i < numExpected; i++) await queue.get();
  }

  async function producer(queue, numItems) {
    for (let i = 0; i < numItems; i++) await queue.put(i);
  }

  const producerNumItems = 5;
  const q = new Queue(1);
  {
    await using tg = new TaskGroup();
    tg.createTask(producer(q, producerNumItems));
    tg.createTask(consumer(q, producerNumItems));
  }
  // The test asserts nothing more than that the group ends.
  print("group ended, q.qsize()", q.qsize());
}

await run(main());
