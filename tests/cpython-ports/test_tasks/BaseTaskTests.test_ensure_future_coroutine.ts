// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_coroutine
// The white-box asserts on t._loop are not ported. The test's loop runs here as run(), then as a
// loop of the program's own (newEventLoop, setEventLoop) for the last part.
import { run, print, ensureFuture, newEventLoop, setEventLoop, RuntimeError } from "asyncio";

async function notmuch() {
  return "ok";
}

const a = notmuch();
try {
  ensureFuture(a);
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  print("raised", e.name, e.message.includes("no current event loop"));
}
a.close();

async function main() {
  let t = ensureFuture(notmuch());
  await t;
  print("t.done()", t.done(), "t.result()", t.result());

  async function test() {
    return ensureFuture(notmuch());
  }
  t = await test();
  await t;
  print("t.done()", t.done(), "t.result()", t.result());
}

await run(main());

// Deprecated in 3.10, undeprecated in 3.12
const loop = newEventLoop();
setEventLoop(loop);
const t = ensureFuture(notmuch());
await loop.runUntilComplete(t);
print("t.done()", t.done(), "t.result()", t.result());
setEventLoop(null);
loop.close();
