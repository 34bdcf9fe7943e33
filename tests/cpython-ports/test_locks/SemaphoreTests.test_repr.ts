// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_repr
// repr() is compared by what it shows in brackets ([locked, waiters:1]): the address before it is not.
import { run, print, Semaphore } from "asyncio";

const extras = (x) => /\[(.*)\]>$/.exec(String(x))[1];

async function main() {
  // (The test then appends mocks to sem._waiters: not ported.)
  const sem = new Semaphore();
  print(extras(sem));
  print("endswith [unlocked, value:1]>", String(sem).endsWith("[unlocked, value:1]>"));
  await sem.acquire();
  print(extras(sem));
  print("endswith [locked]>", String(sem).endsWith("[locked]>"));
  print("no waiters", !String(sem).includes("waiters"));
}

await run(main());
