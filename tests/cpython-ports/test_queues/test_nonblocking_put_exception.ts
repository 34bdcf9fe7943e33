// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_nonblocking_put_exception
import { run, print, Queue, QueueFull } from "asyncio";

async function main() {
  const q = new Queue(1);
  q.putNowait(1);
  try {
    q.putNowait(2);
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    print("raised", e.name);
  }
}

await run(main());
