// Port of CPython 3.14 Lib/test/test_asyncio/test_tasks.py, CoroutineGatherTests.test_constructor_use_global_loop
// The test's loop is set with asyncio.set_event_loop and not running when gather() is called. (The
// white-box assert on fut._loop is not ported.)
import { print, gather, newEventLoop, setEventLoop } from "asyncio";

// Deprecated in 3.10, undeprecated in 3.12
async function coro() {
  return "abc";
}

const otherLoop = newEventLoop();
setEventLoop(otherLoop);
const gen1 = coro();
const gen2 = coro();
const fut = gather([gen1, gen2]);
print("result", await otherLoop.runUntilComplete(fut));
setEventLoop(null);
otherLoop.close();
