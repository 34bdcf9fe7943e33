// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueueBasicTests.test_maxsize
import { run, sleep, print, createTask, Queue } from "asyncio";

async function main() {
  const q = new Queue(2);
  print("q.maxsize", q.maxsize);
  const haveBeenPut = [];

  async function putter() {
    for (let i = 0; i < 3; i++) {
      await q.put(i);
      haveBeenPut.push(i);
    }
    return true;
  }

  const t = createTask(putter());
  for (let i = 0; i < 2; i++) await sleep(0);
  // The putter is blocked after putting two items.
  print("have_been_put", haveBeenPut);
  print("await q.get()", await q.get());
  // Let the putter resume and put last item.
  await sleep(0);
  print("have_been_put", haveBeenPut);
  print("await q.get()", await q.get());
  print("await q.get()", await q.get());
  print("t.done()", t.done());
  print("t.result()", t.result());
}

await run(main());
