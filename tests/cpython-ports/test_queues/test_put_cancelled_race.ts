// Port of CPython 3.14 Lib/test/test_asyncio/test_queues.py, QueuePutTests.test_put_cancelled_race
import { run, sleep, print, createTask, Queue } from "asyncio";

async function main() {
  const q = new Queue(1);
  const putA = createTask(q.put("a"));
  const putB = createTask(q.put("b"));
  const putC = createTask(q.put("X"));
  await sleep(0);
  print("put_a.done()", putA.done());
  print("put_b.done()", putB.done());
  putC.cancel();
  await sleep(0);
  print("put_c.done()", putC.done());
  print("q.get_nowait()", q.getNowait());
  await sleep(0);
  print("q.get_nowait()", q.getNowait());
  await putB;
}

await run(main());
