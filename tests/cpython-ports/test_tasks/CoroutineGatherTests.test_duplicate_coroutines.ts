// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_duplicate_coroutines
import { run, sleep, print, gather } from "asyncio";

async function main() {
  async function coro(s) {
    return s;
  }

  async function _gather(...args) {
    return gather(args);
  }

  const c = coro("abc");
  const fut = await _gather(c, c, coro("def"), c);
  for (let i = 0; i < 5; i++) await sleep(0);
  print("fut.result()", fut.result());
}

await run(main());
