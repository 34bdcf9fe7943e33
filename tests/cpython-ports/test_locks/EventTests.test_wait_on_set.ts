// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, EventTests.test_wait_on_set
import { run, print, Event } from "asyncio";

async function main() {
  const ev = new Event();
  ev.set();
  const res = await ev.wait();
  print("res", res);
}

await run(main());
