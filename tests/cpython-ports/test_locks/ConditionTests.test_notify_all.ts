// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_notify_all
import { run, sleep, print, createTask, Condition } from "asyncio";

async function main() {
  const cond = new Condition();
  const result = [];

  async function c1(result) {
    await cond.acquire();
    if (await cond.wait()) {
      result.push(1);
      cond.release();
    }
    return true;
  }

  async function c2(result) {
    await cond.acquire();
    if (await cond.wait()) {
      result.push(2);
      cond.release();
    }
    return true;
  }

  const t1 = createTask(c1(result));
  const t2 = createTask(c2(result));

  await sleep(0);
  print("result", result);

  await cond.acquire();
  cond.notifyAll();
  cond.release();
  await sleep(0);
  print("result", result);

  for (const t of [t1, t2]) print("done, result", t.done(), t.result());
}

await run(main());
