// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_clear
import { run, print, Event } from "asyncio";

async function main() {
  const ev = new Event();
  print("ev.is_set()", ev.isSet());
  ev.set();
  print("ev.is_set()", ev.isSet());
  ev.clear();
  print("ev.is_set()", ev.isSet());
}

await run(main());
