// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_wait
import { run, sleep, print, createTask, Event } from "asyncio";

async function main() {
  const ev = new Event();
  print("ev.is_set()", ev.isSet());
  const result = [];

  async function c1(result) {
    if (await ev.wait()) result.push(1);
  }

  async function c2(result) {
    if (await ev.wait()) result.push(2);
  }

  async function c3(result) {
    if (await ev.wait()) result.push(3);
  }

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));
  await sleep(0);
  print("result", result);
  const t3 = createTask(c3(result));
  ev.set();
  await sleep(0);
  print("result", result);
  for (const t of [t1, t2, t3]) print("done, result", t.done(), t.result());
}

await run(main());
