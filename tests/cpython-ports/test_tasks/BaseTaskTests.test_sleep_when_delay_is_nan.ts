// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_sleep_when_delay_is_nan
import { run, sleep, print, createTask, ValueError } from "asyncio";

async function main() {
  async function sleeper() {
    await sleep(NaN);
  }

  const t = createTask(sleeper());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("raised", e.name);
  }
}

await run(main());
