// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_coroutine_use_running_loop
import { run, print, shield } from "asyncio";

async function main() {
  // (The white-box assert on outer._loop is not ported.)
  async function coro() {
    return 42;
  }

  async function test() {
    return shield(coro());
  }

  const outer = await test();
  const res = await outer;
  print("res", res);
}

await run(main());
