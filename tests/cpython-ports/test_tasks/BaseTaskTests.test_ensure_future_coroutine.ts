// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, BaseTaskTests.test_ensure_future_coroutine
// The test's loops run here as one: the white-box asserts on t._loop are not ported, and the last
// part (asyncio.set_event_loop, then ensure_future outside the loop) needs a loop that is not running.
import { run, print, ensureFuture, RuntimeError } from "asyncio";

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
