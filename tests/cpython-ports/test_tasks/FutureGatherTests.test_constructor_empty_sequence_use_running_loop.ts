// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_empty_sequence_use_running_loop
import { run, sleep, print, gather } from "asyncio";

async function main() {
  // (The white-box assert on fut._loop is not ported.)
  async function gatherNothing() {
    return gather([]);
  }

  const fut = await gatherNothing();
  print("isinstance Future", typeof fut.done === "function" && typeof fut.result === "function");
  await sleep(0);
  print("fut.done()", fut.done());
  print("fut.result()", fut.result());
}

await run(main());
