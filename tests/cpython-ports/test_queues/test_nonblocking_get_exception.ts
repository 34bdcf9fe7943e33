// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_nonblocking_get_exception
import { run, print, Queue, QueueEmpty } from "asyncio";

async function main() {
  const q = new Queue();
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueEmpty)) throw e;
    print("raised", e.name);
  }
}

await run(main());
