// Port of CPython 3.14 Lib/test/test_asyncio/test_timeouts.py, TimeoutTests.test_repr_expired
import { run, sleep, print, timeout, TimeoutError } from "asyncio";

async function main() {
  let cm;
  try {
    await using t = timeout(0.01);
    cm = t;
    await sleep(10);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("raised", e.name);
  }
  print(String(cm));
}

await run(main());
