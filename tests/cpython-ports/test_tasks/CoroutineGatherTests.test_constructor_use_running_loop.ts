// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_constructor_use_running_loop
import { run, print, gather } from "asyncio";

async function main() {
  // (The white-box assert on fut._loop is not ported.)
  async function coro() {
    return "abc";
  }

  const gen1 = coro();
  const gen2 = coro();

  async function gatherBoth() {
    return gather([gen1, gen2]);
  }

  const fut = await gatherBoth();
  print("await fut", await fut);
}

await run(main());
