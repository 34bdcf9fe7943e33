// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_coroutine_non_gen_function
import { run, print } from "asyncio";

async function main() {
  // (asyncio.iscoroutinefunction and iscoroutine are not ported: the runtime has neither.)
  async function func() {
    return "test";
  }

  const coro = func();
  const res = await coro;
  print("res", res);
}

await run(main());
