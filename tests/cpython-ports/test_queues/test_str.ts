// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueBasicTests.test_str
import { run, sleep, print, Queue, TaskGroup } from "asyncio";

async function main() {
  let q = new Queue();
  print(String(q));

  // getters
  q = new Queue();
  let getter;
  {
    await using tg = new TaskGroup();
    // Start a task that waits to get.
    getter = tg.createTask(q.get());
    // Let it start waiting.
    await sleep(0);
    print(String(q));
    // resume q.get coroutine to finish generator
    q.putNowait(0);
  }
  print("await getter", await getter);

  // putters
  q = new Queue(1);
  let putter;
  {
    await using tg = new TaskGroup();
    q.putNowait(1);
    // Start a task that waits to put.
    putter = tg.createTask(q.put(2));
    // Let it start waiting.
    await sleep(0);
    print(String(q));
    // resume q.put coroutine to finish generator
    q.getNowait();
  }
  print("putter.done()", putter.done());

  q = new Queue();
  q.putNowait(1);
  print(String(q));
}

await run(main());
