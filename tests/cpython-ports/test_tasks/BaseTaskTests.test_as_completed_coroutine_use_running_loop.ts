// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_coroutine_use_running_loop
import { run, print, asCompleted } from "asyncio";

async function main() {
  async function coro() {
    return 42;
  }

  async function test() {
    const futs = [...asCompleted([coro()])];
    print("len(futs)", futs.length);
    print("await futs[0]", await futs[0]);
  }

  await test();
}

await run(main());
