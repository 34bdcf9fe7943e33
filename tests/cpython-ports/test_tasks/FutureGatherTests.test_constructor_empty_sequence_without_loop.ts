// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, FutureGatherTests.test_constructor_empty_sequence_without_loop
// Outside any loop (before run), gather() throws.
import { run, print, gather, RuntimeError } from "asyncio";

try {
  gather([]);
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  print("raised", e.name, e.message.includes("no current event loop"));
}

async function main() {
  print("main");
}

await run(main());
