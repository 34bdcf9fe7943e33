// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_wait_invalid_args
import { run, print, getRunningLoop, wait, ValueError } from "asyncio";

async function coroutineFunction() {}

async function main() {
  const fut = getRunningLoop().createFuture();

  // wait() expects a list of futures, not a future instance
  try {
    await wait(fut);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("future: raised", e.name);
  }
  const coro = coroutineFunction();
  try {
    await wait(coro);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("coroutine: raised", e.name);
  }
  coro.close();

  // wait() expects at least a future
  try {
    await wait([]);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("[]: raised", e.name, e.message);
  }
}

await run(main());
