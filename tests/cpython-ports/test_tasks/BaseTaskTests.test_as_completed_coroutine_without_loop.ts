// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_as_completed_coroutine_without_loop
// Outside any loop (before run), asCompleted() throws. (The test then closes the coroutine.)
import { run, print, asCompleted, RuntimeError } from "asyncio";

async function coro() {
  return 42;
}

const a = coro();
try {
  const futs = asCompleted([a]);
  [...futs];
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  print("raised", e.name, e.message.includes("no current event loop"));
}
a.close();

async function main() {
  print("main");
}

await run(main());
