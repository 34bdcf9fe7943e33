// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_float_maxsize
import { run, print, Queue, QueueFull } from "asyncio";

async function main() {
  let q = new Queue(1.3);
  q.putNowait(1);
  q.putNowait(2);
  print("q.full()", q.full());
  try {
    q.putNowait(3);
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    print("raised", e.name);
  }

  q = new Queue(1.3);
  await q.put(1);
  await q.put(2);
  print("q.full()", q.full());
}

await run(main());
