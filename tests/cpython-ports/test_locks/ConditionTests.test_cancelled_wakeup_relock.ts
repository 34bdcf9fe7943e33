// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_cancelled_wakeup_relock
import { run, sleep, print, createTask, timeout, Condition, TimeoutError } from "asyncio";

async function main() {
  // Test that a task cancelled at the "same" time as it is woken
  // up as part of a Condition.notify() does not result in a lost wakeup.
  // This test simulates a cancel while the target task is acquiring the lock
  // again.
  const condition = new Condition();
  let state = 0;

  async function consumer() {
    await using _ = await condition.acquire();
    while (true) {
      await condition.waitFor(() => state !== 0);
      if (state < 0) return;
      state -= 1;
    }
  }

  // create two consumers
  const c = [createTask(consumer()), createTask(consumer())];
  // wait for them to settle
  await sleep(0);
  {
    await using _ = await condition.acquire();
    // produce one item and wake up one
    state += 1;
    condition.notify(1);

    // now we sleep for a bit.  This allows the target task to wake up and
    // settle on re-aquiring the lock
    await sleep(0);

    // Cancel it while awaiting the lock
    // This cancel could come the outside.
    c[0].cancel();

    // now wait for the item to be consumed
    // if it doesn't means that our "notify" didn"t take hold.
    // because it raced with a cancel()
    try {
      await using _t = timeout(0.01);
      await condition.waitFor(() => state === 0);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("timed out");
    }
    print("state", state);

    // clean up
    state = -1;
    condition.notifyAll();
  }
  await c[1];
  print("c[0].cancelled()", c[0].cancelled(), "c[1].done()", c[1].done());
}

await run(main());
