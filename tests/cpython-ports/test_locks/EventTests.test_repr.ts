// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_repr
// repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import { run, print, Event } from "asyncio";

const extras = (x) => /\[(.*)\]>$/.exec(String(x))[1];

async function main() {
  // (The test then appends a mock to ev._waiters: not ported.)
  const ev = new Event();
  print(extras(ev));
  print("endswith [unset]>", String(ev).endsWith("[unset]>"));
  ev.set();
  print(extras(ev));
  print("endswith [set]>", String(ev).endsWith("[set]>"));
}

await run(main());
