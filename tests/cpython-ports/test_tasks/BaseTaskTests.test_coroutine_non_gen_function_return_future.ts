// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_coroutine_non_gen_function_return_future
import { run, print, createTask, createFuture } from "asyncio";

async function main() {
  // The test drives its own loop (run_until_complete, test_utils.run_briefly); here main() does:
  // one pass of the loop is await sleep(0).
  const fut = createFuture();

  async function func() {
    return fut;
  }

  async function coro() {
    fut.setResult("test");
  }

  const t1 = createTask(func());
  const t2 = createTask(coro());
  const res = await t1;
  print("res is fut", res === fut);
  print("t2.result()", t2.result());
}

await run(main());
