// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_why_are_putters_waiting
import { run, sleep, print, Queue, TaskGroup } from "asyncio";

async function main() {
  const queue = new Queue(2);

  async function putter(item) {
    await queue.put(item);
  }

  async function getter() {
    await sleep(0);
    const num = queue.qsize();
    for (let i = 0; i < num; i++) queue.getNowait();
  }

  {
    await using tg = new TaskGroup();
    tg.createTask(getter());
    tg.createTask(putter(0));
    tg.createTask(putter(1));
    tg.createTask(putter(2));
    tg.createTask(putter(3));
  }
  // The test asserts nothing more than that the group ends.
  print("group ended, queue.qsize()", queue.qsize());
}

await run(main());
