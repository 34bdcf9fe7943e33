// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_repr_disabled
import { run, print, timeout } from "asyncio";

async function main() {
  await using cm = timeout(null);
  print(String(cm));
}

await run(main());
