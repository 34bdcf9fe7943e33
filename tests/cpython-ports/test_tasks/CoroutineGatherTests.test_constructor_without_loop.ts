// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_constructor_without_loop
// Outside any loop (before run), gather() of coroutines throws. (The test then closes them.)
import { run, print, gather, RuntimeError } from "asyncio";

async function coro() {
  return "abc";
}

const gen1 = coro();
const gen2 = coro();
try {
  gather([gen1, gen2]);
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  print("raised", e.name, e.message.includes("no current event loop"));
}
gen1.close();
gen2.close();

async function main() {
  print("main");
}

await run(main());
