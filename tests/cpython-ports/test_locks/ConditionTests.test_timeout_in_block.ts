// Port of CPython 3.14 Lib/test/test_asyncio/test_locks.py, ConditionTests.test_timeout_in_block
import { run, print, waitFor, Condition, TimeoutError } from "asyncio";

async function main() {
  const condition = new Condition();
  await using _ = await condition.acquire();
  try {
    await waitFor(condition.wait(), 0.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
}

await run(main());
