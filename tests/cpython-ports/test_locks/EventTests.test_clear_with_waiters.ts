// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_clear_with_waiters
// repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import { run, sleep, print, createTask, Event } from "asyncio";

const extras = (x) => /\[(.*)\]>$/.exec(String(x))[1];

async function main() {
  // The test reads len(ev._waiters): repr shows it.
  const ev = new Event();
  const result = [];

  async function c1(result) {
    if (await ev.wait()) result.push(1);
    return true;
  }

  const t = createTask(c1(result));
  await sleep(0);
  print("result", result);
  ev.set();
  ev.clear();
  print("ev.is_set()", ev.isSet());
  ev.set();
  ev.set();
  print(extras(ev));
  await sleep(0);
  print("result", result);
  print(extras(ev));
  print("t.done()", t.done());
  print("t.result()", t.result());
}

await run(main());
