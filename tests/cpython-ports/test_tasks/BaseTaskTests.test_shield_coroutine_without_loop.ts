// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_shield_coroutine_without_loop
// Outside any loop (before run), shield() of a coroutine throws. (The test then closes the
// coroutine.)
import { run, print, shield, RuntimeError } from "asyncio";

async function coro() {
  return 42;
}

const inner = coro();
try {
  shield(inner);
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  print("raised", e.name, e.message.includes("no current event loop"));
}
inner.close();

async function main() {
  print("main");
}

await run(main());
