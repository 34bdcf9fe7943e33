// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, SemaphoreTests.test_acquire_no_hang
import { run, sleep, print, createTask, gather, waitFor, Semaphore, CancelledError } from "asyncio";

async function main() {
  const sem = new Semaphore(1);

  async function c1() {
    {
      await using _ = await sem.acquire();
      await sleep(0);
    }
    t2.cancel();
  }

  async function c2() {
    await using _ = await sem.acquire();
    print("FAIL: c2 got the semaphore");
  }

  const t1 = createTask(c1());
  const t2 = createTask(c2());
  const [r1, r2] = await gather([t1, t2], { returnExceptions: true });
  print("r1 is None", r1 === undefined || r1 === null);
  print("r2 is a CancelledError", r2 instanceof CancelledError);
  await waitFor(sem.acquire(), 1.0);
  print("acquired in time");
}

await run(main());
