// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueGetTests.test_cancelled_getters_not_being_held_in_self_getters
import { run, print, waitFor, Queue, TimeoutError } from "asyncio";

async function main() {
  // The test reads len(queue._getters); str(queue) shows the getters (_getters[n]).
  const queue = new Queue(5);
  try {
    await waitFor(queue.get(), 0.1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  print(String(queue));
}

await run(main());
