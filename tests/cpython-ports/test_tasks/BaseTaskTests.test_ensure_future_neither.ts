// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_neither
import { run, print, ensureFuture } from "asyncio";

async function main() {
  try {
    ensureFuture("ok");
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("raised", e.name);
  }
}

await run(main());
