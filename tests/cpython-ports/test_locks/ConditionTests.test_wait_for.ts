// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_wait_for
import { run, sleep, print, createTask, Condition } from "asyncio";

async function main() {
  const cond = new Condition();
  let presult = false;

  const predicate = () => presult;

  const result = [];

  async function c1(result) {
    await cond.acquire();
    if (await cond.waitFor(predicate)) {
      result.push(1);
      cond.release();
    }
    return true;
  }

  const t = createTask(c1(result));
  await sleep(0);
  print("result", result);

  await cond.acquire();
  cond.notify();
  cond.release();
  await sleep(0);
  print("result", result);

  presult = true;
  await cond.acquire();
  cond.notify();
  cond.release();
  await sleep(0);
  print("result", result);
  print("t.done()", t.done(), "t.result()", t.result());
}

await run(main());
