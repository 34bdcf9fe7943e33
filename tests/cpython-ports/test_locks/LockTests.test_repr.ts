// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, LockTests.test_repr
// repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import { run, print, Lock } from "asyncio";

const extras = (x) => /\[(.*)\]>$/.exec(String(x))[1];

async function main() {
  const lock = new Lock();
  print(extras(lock));
  print("endswith [unlocked]>", String(lock).endsWith("[unlocked]>"));
  await lock.acquire();
  print(extras(lock));
  print("endswith [locked]>", String(lock).endsWith("[locked]>"));
}

await run(main());
