// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_repr_finished
import { run, sleep, print, timeout } from "asyncio";

async function main() {
  let cm;
  {
    await using t = timeout(10);
    cm = t;
    await sleep(0);
  }
  print(String(cm));
}

await run(main());
